#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  __commonJS,
  __toESM
} from "./chunk-ZKNAD5EA.js";

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv-formats/dist/formats.js
var require_formats = __commonJS({
  "node_modules/ajv-formats/dist/formats.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatNames = exports.fastFormats = exports.fullFormats = void 0;
    function fmtDef(validate, compare) {
      return { validate, compare };
    }
    exports.fullFormats = {
      // date: http://tools.ietf.org/html/rfc3339#section-5.6
      date: fmtDef(date, compareDate),
      // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
      time: fmtDef(getTime(true), compareTime),
      "date-time": fmtDef(getDateTime(true), compareDateTime),
      "iso-time": fmtDef(getTime(), compareIsoTime),
      "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
      // duration: https://tools.ietf.org/html/rfc3339#appendix-A
      duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
      uri,
      "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
      // uri-template: https://tools.ietf.org/html/rfc6570
      "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
      // For the source: https://gist.github.com/dperini/729294
      // For test cases: https://mathiasbynens.be/demo/url-regex
      url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
      email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
      hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
      // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
      ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
      ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
      regex,
      // uuid: http://tools.ietf.org/html/rfc4122
      uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
      // JSON-pointer: https://tools.ietf.org/html/rfc6901
      // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
      "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
      "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
      // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
      "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
      // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
      // byte: https://github.com/miguelmota/is-base64
      byte,
      // signed 32 bit integer
      int32: { type: "number", validate: validateInt32 },
      // signed 64 bit integer
      int64: { type: "number", validate: validateInt64 },
      // C-type float
      float: { type: "number", validate: validateNumber },
      // C-type double
      double: { type: "number", validate: validateNumber },
      // hint to the UI to hide input strings
      password: true,
      // unchecked string payload
      binary: true
    };
    exports.fastFormats = {
      ...exports.fullFormats,
      date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
      time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
      "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
      "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
      "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
      // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
      uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
      "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
      // email (sources from jsen validator):
      // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
      // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
      email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i
    };
    exports.formatNames = Object.keys(exports.fullFormats);
    function isLeapYear(year) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    }
    var DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
    var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    function date(str) {
      const matches = DATE.exec(str);
      if (!matches)
        return false;
      const year = +matches[1];
      const month = +matches[2];
      const day = +matches[3];
      return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
    }
    function compareDate(d1, d2) {
      if (!(d1 && d2))
        return void 0;
      if (d1 > d2)
        return 1;
      if (d1 < d2)
        return -1;
      return 0;
    }
    var TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
    function getTime(strictTimeZone) {
      return function time(str) {
        const matches = TIME.exec(str);
        if (!matches)
          return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || strictTimeZone && !tz)
          return false;
        if (hr <= 23 && min <= 59 && sec < 60)
          return true;
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
      };
    }
    function compareTime(s1, s2) {
      if (!(s1 && s2))
        return void 0;
      const t1 = (/* @__PURE__ */ new Date("2020-01-01T" + s1)).valueOf();
      const t2 = (/* @__PURE__ */ new Date("2020-01-01T" + s2)).valueOf();
      if (!(t1 && t2))
        return void 0;
      return t1 - t2;
    }
    function compareIsoTime(t1, t2) {
      if (!(t1 && t2))
        return void 0;
      const a1 = TIME.exec(t1);
      const a2 = TIME.exec(t2);
      if (!(a1 && a2))
        return void 0;
      t1 = a1[1] + a1[2] + a1[3];
      t2 = a2[1] + a2[2] + a2[3];
      if (t1 > t2)
        return 1;
      if (t1 < t2)
        return -1;
      return 0;
    }
    var DATE_TIME_SEPARATOR = /t|\s/i;
    function getDateTime(strictTimeZone) {
      const time = getTime(strictTimeZone);
      return function date_time(str) {
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
      };
    }
    function compareDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const d1 = new Date(dt1).valueOf();
      const d2 = new Date(dt2).valueOf();
      if (!(d1 && d2))
        return void 0;
      return d1 - d2;
    }
    function compareIsoDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
      const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
      const res = compareDate(d1, d2);
      if (res === void 0)
        return void 0;
      return res || compareTime(t1, t2);
    }
    var NOT_URI_FRAGMENT = /\/|:/;
    var URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
    function uri(str) {
      return NOT_URI_FRAGMENT.test(str) && URI.test(str);
    }
    var BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
    function byte(str) {
      BYTE.lastIndex = 0;
      return BYTE.test(str);
    }
    var MIN_INT32 = -(2 ** 31);
    var MAX_INT32 = 2 ** 31 - 1;
    function validateInt32(value) {
      return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
    }
    function validateInt64(value) {
      return Number.isInteger(value);
    }
    function validateNumber() {
      return true;
    }
    var Z_ANCHOR = /[^\\]\\Z/;
    function regex(str) {
      if (Z_ANCHOR.test(str))
        return false;
      try {
        new RegExp(str);
        return true;
      } catch (e) {
        return false;
      }
    }
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// src/policy/policy.ts
var POSTGRES_NAME = /^[a-z_][a-z0-9_-]{0,62}$/;
var SSH_PRINCIPAL = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$/;
var COMMAND_ENV_REFUSED = /^(?:GITHUB_TOKEN|GH_TOKEN|JIT_EVIDENCE_KEY|ACTIONS_[A-Z0-9_]*|INPUT_[A-Z0-9_]*)$/;
var ANOMALY_DEFAULTS = {
  frequentElevation: { days: 10, window: "14d" },
  approverConcentration: { share: 0.8, minLeases: 5, window: "90d" },
  breakGlassFrequency: { max: 2, window: "30d" },
  longTotal: { perMonth: "80h" }
};
var BUILT_IN_DEFAULTS = {
  maxDuration: "8h",
  requiredApprovals: 1,
  minReasonLength: 10,
  requireTicket: false,
  maxScheduleAhead: "7d",
  maxExtensions: 0,
  allowRequestFor: false,
  breakGlassMaxDuration: "1h",
  breakGlassReviewWithin: "24h",
  mode: "exclusive",
  revocation: "sweep",
  remindBefore: "30m",
  extendAfter: 0,
  requireTwoFactor: true
};
function issuesCredentials(p) {
  return p.type === "postgres" && p.access !== "elevate";
}
function resourceOrg(p) {
  return p.type === "github-repo" ? p.owner : p.org;
}
function targetKey(p) {
  switch (p.type) {
    case "github-team":
      return `github-team:${p.org.toLowerCase()}/${p.team.toLowerCase()}`;
    case "github-repo":
      return `github-repo:${p.owner.toLowerCase()}/${p.repo.toLowerCase()}`;
    case "github-org-role":
      return `github-org-role:${p.org.toLowerCase()}`;
    case "postgres":
      return p.access === "elevate" ? `postgres:${p.connection.env}:elevate` : p.access === "ephemeral" ? `postgres:${p.connection.env}:ephemeral:${p.prefix ?? "jit"}` : `postgres:${p.connection.env}:checkout`;
    case "ssh-certificate":
      return `ssh-certificate:${p.ca.env}`;
    case "command":
      return `command:${p.run}${p.args?.length ? ` ${JSON.stringify(p.args)}` : ""}`;
  }
}

// src/schema/generated/validators.js
var __dep0 = __toESM(require_ucs2length(), 1);
var __dep1 = __toESM(require_formats(), 1);
var __dep2 = __toESM(require_equal(), 1);
function __cjs(ns, prop) {
  const exp = ns.default !== void 0 && (typeof ns.default === "object" || prop !== "default") ? ns.default : ns;
  if (prop === "default") return typeof ns.default === "function" ? ns.default : exp.default;
  return exp[prop] !== void 0 ? exp[prop] : ns[prop];
}
var lease = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://jit-access.dev/schemas/lease.v1.schema.json", "title": "jit-access lease (v1)", "description": "One time-bound access request: who gets which role on which resource, for how long, and why. Lives at leases/<resource>/<name>.yaml in the access repo.", "type": "object", "additionalProperties": false, "required": ["grantee", "resource", "role", "reason"], "properties": { "grantee": { "description": "GitHub login that receives the access.", "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?$" }, "resource": { "description": "A resource id from policy.yaml. Must equal the lease's folder name.", "type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,62}$" }, "role": { "description": "One of the resource's roles in policy.yaml.", "type": "string", "minLength": 1, "maxLength": 100 }, "duration": { "description": "How long the access lasts once granted, in days, hours and minutes: 30m, 4h, 1d12h. Exactly one of duration / expires.", "type": "string", "pattern": "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, "expires": { "description": "Absolute end of the access, RFC 3339 with an explicit offset (Z or +01:00). Exactly one of duration / expires.", "type": "string", "format": "date-time", "pattern": "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})$" }, "notBefore": { "description": "Optional scheduled start, RFC 3339 with an explicit offset. The grant is made at this time, not at merge.", "type": "string", "format": "date-time", "pattern": "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})$" }, "reason": { "description": "Why the access is needed. Minimum length is set by the policy.", "type": "string", "minLength": 1, "maxLength": 1e3 }, "ticket": { "description": "Ticket or incident id; required where the resource sets requireTicket, and must match its ticketPattern.", "type": "string", "minLength": 1, "maxLength": 200 }, "breakGlass": { "description": "Emergency access, granted before approval where the resource allows it (see the resource's breakGlass settings).", "type": "boolean" } }, "oneOf": [{ "required": ["duration"], "not": { "required": ["expires"] } }, { "required": ["expires"], "not": { "required": ["duration"] } }] };
var func2 = Object.prototype.hasOwnProperty;
var func3 = __cjs(__dep0, "default");
var pattern0 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?$", "u");
var pattern1 = new RegExp("^[a-z0-9][a-z0-9-]{0,62}$", "u");
var pattern2 = new RegExp("^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$", "u");
var pattern3 = new RegExp("^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})$", "u");
var formats0 = __cjs(__dep1, "fullFormats")["date-time"];
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const _errs1 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs2 = errors;
  const _errs3 = errors;
  const _errs4 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing0;
    if (data.expires === void 0 && (missing0 = "expires")) {
      const err0 = {};
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  }
  var valid1 = _errs4 === errors;
  if (valid1) {
    const err1 = { instancePath, schemaPath: "#/oneOf/0/not", keyword: "not", params: {}, message: "must NOT be valid" };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  } else {
    errors = _errs3;
    if (vErrors !== null) {
      if (_errs3) {
        vErrors.length = _errs3;
      } else {
        vErrors = null;
      }
    }
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.duration === void 0) {
      const err2 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "duration" }, message: "must have required property 'duration'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  var _valid0 = _errs2 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs5 = errors;
  const _errs6 = errors;
  const _errs7 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing1;
    if (data.duration === void 0 && (missing1 = "duration")) {
      const err3 = {};
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
  }
  var valid2 = _errs7 === errors;
  if (valid2) {
    const err4 = { instancePath, schemaPath: "#/oneOf/1/not", keyword: "not", params: {}, message: "must NOT be valid" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  } else {
    errors = _errs6;
    if (vErrors !== null) {
      if (_errs6) {
        vErrors.length = _errs6;
      } else {
        vErrors = null;
      }
    }
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.expires === void 0) {
      const err5 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "expires" }, message: "must have required property 'expires'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
  }
  var _valid0 = _errs5 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
  }
  if (!valid0) {
    const err6 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  } else {
    errors = _errs1;
    if (vErrors !== null) {
      if (_errs1) {
        vErrors.length = _errs1;
      } else {
        vErrors = null;
      }
    }
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.grantee === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "grantee" }, message: "must have required property 'grantee'" };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.resource === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "resource" }, message: "must have required property 'resource'" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.role === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "role" }, message: "must have required property 'role'" };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.reason === void 0) {
      const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema11.properties, key0)) {
        const err11 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.grantee !== void 0) {
      let data0 = data.grantee;
      if (typeof data0 === "string") {
        if (!pattern0.test(data0)) {
          const err12 = { instancePath: instancePath + "/grantee", schemaPath: "#/properties/grantee/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?$"' };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/grantee", schemaPath: "#/properties/grantee/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.resource !== void 0) {
      let data1 = data.resource;
      if (typeof data1 === "string") {
        if (!pattern1.test(data1)) {
          const err14 = { instancePath: instancePath + "/resource", schemaPath: "#/properties/resource/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9-]{0,62}$"' };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/resource", schemaPath: "#/properties/resource/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.role !== void 0) {
      let data2 = data.role;
      if (typeof data2 === "string") {
        if (func3(data2) > 100) {
          const err16 = { instancePath: instancePath + "/role", schemaPath: "#/properties/role/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters" };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
        if (func3(data2) < 1) {
          const err17 = { instancePath: instancePath + "/role", schemaPath: "#/properties/role/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/role", schemaPath: "#/properties/role/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.duration !== void 0) {
      let data3 = data.duration;
      if (typeof data3 === "string") {
        if (!pattern2.test(data3)) {
          const err19 = { instancePath: instancePath + "/duration", schemaPath: "#/properties/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      } else {
        const err20 = { instancePath: instancePath + "/duration", schemaPath: "#/properties/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.expires !== void 0) {
      let data4 = data.expires;
      if (typeof data4 === "string") {
        if (!pattern3.test(data4)) {
          const err21 = { instancePath: instancePath + "/expires", schemaPath: "#/properties/expires/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})$"' };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        if (!formats0.validate(data4)) {
          const err22 = { instancePath: instancePath + "/expires", schemaPath: "#/properties/expires/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      } else {
        const err23 = { instancePath: instancePath + "/expires", schemaPath: "#/properties/expires/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.notBefore !== void 0) {
      let data5 = data.notBefore;
      if (typeof data5 === "string") {
        if (!pattern3.test(data5)) {
          const err24 = { instancePath: instancePath + "/notBefore", schemaPath: "#/properties/notBefore/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})$"' };
          if (vErrors === null) {
            vErrors = [err24];
          } else {
            vErrors.push(err24);
          }
          errors++;
        }
        if (!formats0.validate(data5)) {
          const err25 = { instancePath: instancePath + "/notBefore", schemaPath: "#/properties/notBefore/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      } else {
        const err26 = { instancePath: instancePath + "/notBefore", schemaPath: "#/properties/notBefore/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data6 = data.reason;
      if (typeof data6 === "string") {
        if (func3(data6) > 1e3) {
          const err27 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters" };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
        if (func3(data6) < 1) {
          const err28 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      } else {
        const err29 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
    if (data.ticket !== void 0) {
      let data7 = data.ticket;
      if (typeof data7 === "string") {
        if (func3(data7) > 200) {
          const err30 = { instancePath: instancePath + "/ticket", schemaPath: "#/properties/ticket/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters" };
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        }
        if (func3(data7) < 1) {
          const err31 = { instancePath: instancePath + "/ticket", schemaPath: "#/properties/ticket/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
      } else {
        const err32 = { instancePath: instancePath + "/ticket", schemaPath: "#/properties/ticket/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
    }
    if (data.breakGlass !== void 0) {
      if (typeof data.breakGlass !== "boolean") {
        const err33 = { instancePath: instancePath + "/breakGlass", schemaPath: "#/properties/breakGlass/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
    }
  } else {
    const err34 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err34];
    } else {
      vErrors.push(err34);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
var policy = validate11;
var pattern5 = new RegExp("^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?|@[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}/[A-Za-z0-9][A-Za-z0-9._-]{0,99}|group:[a-z0-9][a-z0-9-]{0,62})$", "u");
var func0 = __cjs(__dep2, "default");
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (Array.isArray(data)) {
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      let data0 = data[i0];
      if (typeof data0 === "string") {
        if (!pattern5.test(data0)) {
          const err0 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/personRef/pattern", keyword: "pattern", params: { pattern: "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?|@[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}/[A-Za-z0-9][A-Za-z0-9._-]{0,99}|group:[a-z0-9][a-z0-9-]{0,62})$" }, message: 'must match pattern "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?|@[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}/[A-Za-z0-9][A-Za-z0-9._-]{0,99}|group:[a-z0-9][a-z0-9-]{0,62})$"' };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      } else {
        const err1 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/personRef/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    let i1 = data.length;
    let j0;
    if (i1 > 1) {
      outer0: for (; i1--; ) {
        for (j0 = i1; j0--; ) {
          if (func0(data[i1], data[j0])) {
            const err2 = { instancePath, schemaPath: "#/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)" };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
            break outer0;
          }
        }
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}
var schema17 = { "type": "object", "additionalProperties": false, "properties": { "maxDuration": { "description": "Longest lease (default 8h).", "$ref": "#/definitions/duration" }, "requiredApprovals": { "description": "Approvals needed from `approvers` (default 1).", "type": "integer", "minimum": 1, "maximum": 20 }, "requesters": { "description": "Who may request (default: any member of the resource's organization).", "$ref": "#/definitions/people" }, "requireTicket": { "description": "true: a lease must carry a ticket (default false).", "type": "boolean" }, "ticketPattern": { "description": "Regular expression the whole ticket must match, e.g. '(INC|CHG)-\\d+' (default: any ticket).", "type": "string", "minLength": 1, "maxLength": 200 }, "minReasonLength": { "description": "Fewest characters a reason may have (default 10).", "type": "integer", "minimum": 1, "maximum": 1e3 }, "schedule": { "description": 'Time windows requests must start in, e.g. {timezone: Europe/Berlin, windows: [{days: [mon, tue], hours: "08:00-18:00"}]} (default: always open).', "$ref": "#/definitions/schedule" }, "maxScheduleAhead": { "description": "How far ahead notBefore may be (default 7d).", "$ref": "#/definitions/duration" }, "maxExtensions": { "description": "How many times a lease may be extended (default 0).", "type": "integer", "minimum": 0, "maximum": 100 }, "maxTotalDuration": { "description": "Longest total access of one lease including extensions (default maxDuration \xD7 (1 + maxExtensions)).", "$ref": "#/definitions/duration" }, "allowRequestFor": { "description": "May a requester ask for another grantee? false (default): grantee must be the pull request's author; true: anyone; a list: only these grantees (e.g. service accounts).", "oneOf": [{ "type": "boolean" }, { "type": "array", "$ref": "#/definitions/people", "minItems": 1 }] }, "breakGlass": { "description": "Emergency access granted before approval: {allowed, maxDuration, reviewWithin} (default: not allowed).", "$ref": "#/definitions/breakGlass" }, "mode": { "description": "exclusive (default): members not backed by a lease or `standing` are revoked; additive: only what jit-access granted is revoked.", "enum": ["exclusive", "additive"] }, "revocation": { "description": "sweep (default): revoked by the expiry sweep (every 5 minutes at best); timer: also by a timer workflow at the expiry minute.", "enum": ["sweep", "timer"] }, "remindBefore": { "description": "Remind the grantee this long before expiry, on the lease's pull request (default 30m).", "$ref": "#/definitions/duration" }, "extendAfter": { "description": "Fraction of the window (0-1) that must have passed before an extension may be requested (default 0).", "type": "number", "minimum": 0, "maximum": 1 }, "requireTwoFactor": { "description": "Refuse grantees without two-factor authentication on GitHub, at validation and at apply (default true). Needs a token that may list the organization's members and outside collaborators by 2FA state (an owner's); otherwise a warning says it could not be checked.", "type": "boolean" } } };
var schema19 = { "description": "Time windows in which requests may start. Outside them requests are refused.", "type": "object", "additionalProperties": false, "required": ["timezone", "windows"], "properties": { "timezone": { "description": "IANA time zone, e.g. Europe/Berlin.", "type": "string", "minLength": 1 }, "windows": { "description": "One or more windows; a request must start inside one of them.", "type": "array", "minItems": 1, "items": { "type": "object", "additionalProperties": false, "required": ["days", "hours"], "properties": { "days": { "description": "Days of the week the window applies to: mon, tue, wed, thu, fri, sat, sun.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "enum": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] } }, "hours": { "description": "HH:MM-HH:MM in the schedule's time zone; the end is exclusive; 00:00-24:00 is the whole day.", "type": "string", "pattern": "^(?:[01]\\d|2[0-3]):[0-5]\\d-(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$" } } } } } };
var pattern9 = new RegExp("^(?:[01]\\d|2[0-3]):[0-5]\\d-(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$", "u");
function validate17(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.allowed === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "allowed" }, message: "must have required property 'allowed'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "allowed" || key0 === "maxDuration" || key0 === "reviewWithin")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.allowed !== void 0) {
      if (typeof data.allowed !== "boolean") {
        const err2 = { instancePath: instancePath + "/allowed", schemaPath: "#/properties/allowed/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.maxDuration !== void 0) {
      let data1 = data.maxDuration;
      if (typeof data1 === "string") {
        if (!pattern2.test(data1)) {
          const err3 = { instancePath: instancePath + "/maxDuration", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/maxDuration", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.reviewWithin !== void 0) {
      let data2 = data.reviewWithin;
      if (typeof data2 === "string") {
        if (!pattern2.test(data2)) {
          const err5 = { instancePath: instancePath + "/reviewWithin", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/reviewWithin", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
  } else {
    const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate17.errors = vErrors;
  return errors === 0;
}
function validate14(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!func2.call(schema17.properties, key0)) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.maxDuration !== void 0) {
      let data0 = data.maxDuration;
      if (typeof data0 === "string") {
        if (!pattern2.test(data0)) {
          const err1 = { instancePath: instancePath + "/maxDuration", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/maxDuration", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.requiredApprovals !== void 0) {
      let data1 = data.requiredApprovals;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err3 = { instancePath: instancePath + "/requiredApprovals", schemaPath: "#/properties/requiredApprovals/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (data1 > 20 || isNaN(data1)) {
          const err4 = { instancePath: instancePath + "/requiredApprovals", schemaPath: "#/properties/requiredApprovals/maximum", keyword: "maximum", params: { comparison: "<=", limit: 20 }, message: "must be <= 20" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        if (data1 < 1 || isNaN(data1)) {
          const err5 = { instancePath: instancePath + "/requiredApprovals", schemaPath: "#/properties/requiredApprovals/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      }
    }
    if (data.requesters !== void 0) {
      if (!validate12(data.requesters, { instancePath: instancePath + "/requesters", parentData: data, parentDataProperty: "requesters", rootData })) {
        vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
        errors = vErrors.length;
      }
    }
    if (data.requireTicket !== void 0) {
      if (typeof data.requireTicket !== "boolean") {
        const err6 = { instancePath: instancePath + "/requireTicket", schemaPath: "#/properties/requireTicket/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.ticketPattern !== void 0) {
      let data4 = data.ticketPattern;
      if (typeof data4 === "string") {
        if (func3(data4) > 200) {
          const err7 = { instancePath: instancePath + "/ticketPattern", schemaPath: "#/properties/ticketPattern/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters" };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        if (func3(data4) < 1) {
          const err8 = { instancePath: instancePath + "/ticketPattern", schemaPath: "#/properties/ticketPattern/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/ticketPattern", schemaPath: "#/properties/ticketPattern/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.minReasonLength !== void 0) {
      let data5 = data.minReasonLength;
      if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5))) {
        const err10 = { instancePath: instancePath + "/minReasonLength", schemaPath: "#/properties/minReasonLength/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      if (typeof data5 == "number" && isFinite(data5)) {
        if (data5 > 1e3 || isNaN(data5)) {
          const err11 = { instancePath: instancePath + "/minReasonLength", schemaPath: "#/properties/minReasonLength/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000" };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
        if (data5 < 1 || isNaN(data5)) {
          const err12 = { instancePath: instancePath + "/minReasonLength", schemaPath: "#/properties/minReasonLength/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      }
    }
    if (data.schedule !== void 0) {
      let data6 = data.schedule;
      if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
        if (data6.timezone === void 0) {
          const err13 = { instancePath: instancePath + "/schedule", schemaPath: "#/definitions/schedule/required", keyword: "required", params: { missingProperty: "timezone" }, message: "must have required property 'timezone'" };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
        if (data6.windows === void 0) {
          const err14 = { instancePath: instancePath + "/schedule", schemaPath: "#/definitions/schedule/required", keyword: "required", params: { missingProperty: "windows" }, message: "must have required property 'windows'" };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        for (const key1 in data6) {
          if (!(key1 === "timezone" || key1 === "windows")) {
            const err15 = { instancePath: instancePath + "/schedule", schemaPath: "#/definitions/schedule/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data6.timezone !== void 0) {
          let data7 = data6.timezone;
          if (typeof data7 === "string") {
            if (func3(data7) < 1) {
              const err16 = { instancePath: instancePath + "/schedule/timezone", schemaPath: "#/definitions/schedule/properties/timezone/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          } else {
            const err17 = { instancePath: instancePath + "/schedule/timezone", schemaPath: "#/definitions/schedule/properties/timezone/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        if (data6.windows !== void 0) {
          let data8 = data6.windows;
          if (Array.isArray(data8)) {
            if (data8.length < 1) {
              const err18 = { instancePath: instancePath + "/schedule/windows", schemaPath: "#/definitions/schedule/properties/windows/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
            const len0 = data8.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data9 = data8[i0];
              if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
                if (data9.days === void 0) {
                  const err19 = { instancePath: instancePath + "/schedule/windows/" + i0, schemaPath: "#/definitions/schedule/properties/windows/items/required", keyword: "required", params: { missingProperty: "days" }, message: "must have required property 'days'" };
                  if (vErrors === null) {
                    vErrors = [err19];
                  } else {
                    vErrors.push(err19);
                  }
                  errors++;
                }
                if (data9.hours === void 0) {
                  const err20 = { instancePath: instancePath + "/schedule/windows/" + i0, schemaPath: "#/definitions/schedule/properties/windows/items/required", keyword: "required", params: { missingProperty: "hours" }, message: "must have required property 'hours'" };
                  if (vErrors === null) {
                    vErrors = [err20];
                  } else {
                    vErrors.push(err20);
                  }
                  errors++;
                }
                for (const key2 in data9) {
                  if (!(key2 === "days" || key2 === "hours")) {
                    const err21 = { instancePath: instancePath + "/schedule/windows/" + i0, schemaPath: "#/definitions/schedule/properties/windows/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err21];
                    } else {
                      vErrors.push(err21);
                    }
                    errors++;
                  }
                }
                if (data9.days !== void 0) {
                  let data10 = data9.days;
                  if (Array.isArray(data10)) {
                    if (data10.length < 1) {
                      const err22 = { instancePath: instancePath + "/schedule/windows/" + i0 + "/days", schemaPath: "#/definitions/schedule/properties/windows/items/properties/days/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                      if (vErrors === null) {
                        vErrors = [err22];
                      } else {
                        vErrors.push(err22);
                      }
                      errors++;
                    }
                    const len1 = data10.length;
                    for (let i1 = 0; i1 < len1; i1++) {
                      let data11 = data10[i1];
                      if (!(data11 === "mon" || data11 === "tue" || data11 === "wed" || data11 === "thu" || data11 === "fri" || data11 === "sat" || data11 === "sun")) {
                        const err23 = { instancePath: instancePath + "/schedule/windows/" + i0 + "/days/" + i1, schemaPath: "#/definitions/schedule/properties/windows/items/properties/days/items/enum", keyword: "enum", params: { allowedValues: schema19.properties.windows.items.properties.days.items.enum }, message: "must be equal to one of the allowed values" };
                        if (vErrors === null) {
                          vErrors = [err23];
                        } else {
                          vErrors.push(err23);
                        }
                        errors++;
                      }
                    }
                    let i2 = data10.length;
                    let j0;
                    if (i2 > 1) {
                      outer0: for (; i2--; ) {
                        for (j0 = i2; j0--; ) {
                          if (func0(data10[i2], data10[j0])) {
                            const err24 = { instancePath: instancePath + "/schedule/windows/" + i0 + "/days", schemaPath: "#/definitions/schedule/properties/windows/items/properties/days/uniqueItems", keyword: "uniqueItems", params: { i: i2, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i2 + " are identical)" };
                            if (vErrors === null) {
                              vErrors = [err24];
                            } else {
                              vErrors.push(err24);
                            }
                            errors++;
                            break outer0;
                          }
                        }
                      }
                    }
                  } else {
                    const err25 = { instancePath: instancePath + "/schedule/windows/" + i0 + "/days", schemaPath: "#/definitions/schedule/properties/windows/items/properties/days/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                      vErrors = [err25];
                    } else {
                      vErrors.push(err25);
                    }
                    errors++;
                  }
                }
                if (data9.hours !== void 0) {
                  let data12 = data9.hours;
                  if (typeof data12 === "string") {
                    if (!pattern9.test(data12)) {
                      const err26 = { instancePath: instancePath + "/schedule/windows/" + i0 + "/hours", schemaPath: "#/definitions/schedule/properties/windows/items/properties/hours/pattern", keyword: "pattern", params: { pattern: "^(?:[01]\\d|2[0-3]):[0-5]\\d-(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$" }, message: 'must match pattern "^(?:[01]\\d|2[0-3]):[0-5]\\d-(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$"' };
                      if (vErrors === null) {
                        vErrors = [err26];
                      } else {
                        vErrors.push(err26);
                      }
                      errors++;
                    }
                  } else {
                    const err27 = { instancePath: instancePath + "/schedule/windows/" + i0 + "/hours", schemaPath: "#/definitions/schedule/properties/windows/items/properties/hours/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err27];
                    } else {
                      vErrors.push(err27);
                    }
                    errors++;
                  }
                }
              } else {
                const err28 = { instancePath: instancePath + "/schedule/windows/" + i0, schemaPath: "#/definitions/schedule/properties/windows/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
          } else {
            const err29 = { instancePath: instancePath + "/schedule/windows", schemaPath: "#/definitions/schedule/properties/windows/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
      } else {
        const err30 = { instancePath: instancePath + "/schedule", schemaPath: "#/definitions/schedule/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
    if (data.maxScheduleAhead !== void 0) {
      let data13 = data.maxScheduleAhead;
      if (typeof data13 === "string") {
        if (!pattern2.test(data13)) {
          const err31 = { instancePath: instancePath + "/maxScheduleAhead", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
      } else {
        const err32 = { instancePath: instancePath + "/maxScheduleAhead", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
    }
    if (data.maxExtensions !== void 0) {
      let data14 = data.maxExtensions;
      if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
        const err33 = { instancePath: instancePath + "/maxExtensions", schemaPath: "#/properties/maxExtensions/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
      if (typeof data14 == "number" && isFinite(data14)) {
        if (data14 > 100 || isNaN(data14)) {
          const err34 = { instancePath: instancePath + "/maxExtensions", schemaPath: "#/properties/maxExtensions/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100" };
          if (vErrors === null) {
            vErrors = [err34];
          } else {
            vErrors.push(err34);
          }
          errors++;
        }
        if (data14 < 0 || isNaN(data14)) {
          const err35 = { instancePath: instancePath + "/maxExtensions", schemaPath: "#/properties/maxExtensions/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err35];
          } else {
            vErrors.push(err35);
          }
          errors++;
        }
      }
    }
    if (data.maxTotalDuration !== void 0) {
      let data15 = data.maxTotalDuration;
      if (typeof data15 === "string") {
        if (!pattern2.test(data15)) {
          const err36 = { instancePath: instancePath + "/maxTotalDuration", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
      } else {
        const err37 = { instancePath: instancePath + "/maxTotalDuration", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
    if (data.allowRequestFor !== void 0) {
      let data16 = data.allowRequestFor;
      const _errs39 = errors;
      let valid12 = false;
      let passing0 = null;
      const _errs40 = errors;
      if (typeof data16 !== "boolean") {
        const err38 = { instancePath: instancePath + "/allowRequestFor", schemaPath: "#/properties/allowRequestFor/oneOf/0/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
      var _valid0 = _errs40 === errors;
      if (_valid0) {
        valid12 = true;
        passing0 = 0;
      }
      const _errs42 = errors;
      if (!validate12(data16, { instancePath: instancePath + "/allowRequestFor", parentData: data, parentDataProperty: "allowRequestFor", rootData })) {
        vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
        errors = vErrors.length;
      }
      if (Array.isArray(data16)) {
        if (data16.length < 1) {
          const err39 = { instancePath: instancePath + "/allowRequestFor", schemaPath: "#/properties/allowRequestFor/oneOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
      } else {
        const err40 = { instancePath: instancePath + "/allowRequestFor", schemaPath: "#/properties/allowRequestFor/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      }
      var _valid0 = _errs42 === errors;
      if (_valid0 && valid12) {
        valid12 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid12 = true;
          passing0 = 1;
        }
      }
      if (!valid12) {
        const err41 = { instancePath: instancePath + "/allowRequestFor", schemaPath: "#/properties/allowRequestFor/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      } else {
        errors = _errs39;
        if (vErrors !== null) {
          if (_errs39) {
            vErrors.length = _errs39;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.breakGlass !== void 0) {
      if (!validate17(data.breakGlass, { instancePath: instancePath + "/breakGlass", parentData: data, parentDataProperty: "breakGlass", rootData })) {
        vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
        errors = vErrors.length;
      }
    }
    if (data.mode !== void 0) {
      let data18 = data.mode;
      if (!(data18 === "exclusive" || data18 === "additive")) {
        const err42 = { instancePath: instancePath + "/mode", schemaPath: "#/properties/mode/enum", keyword: "enum", params: { allowedValues: schema17.properties.mode.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err42];
        } else {
          vErrors.push(err42);
        }
        errors++;
      }
    }
    if (data.revocation !== void 0) {
      let data19 = data.revocation;
      if (!(data19 === "sweep" || data19 === "timer")) {
        const err43 = { instancePath: instancePath + "/revocation", schemaPath: "#/properties/revocation/enum", keyword: "enum", params: { allowedValues: schema17.properties.revocation.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err43];
        } else {
          vErrors.push(err43);
        }
        errors++;
      }
    }
    if (data.remindBefore !== void 0) {
      let data20 = data.remindBefore;
      if (typeof data20 === "string") {
        if (!pattern2.test(data20)) {
          const err44 = { instancePath: instancePath + "/remindBefore", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err44];
          } else {
            vErrors.push(err44);
          }
          errors++;
        }
      } else {
        const err45 = { instancePath: instancePath + "/remindBefore", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err45];
        } else {
          vErrors.push(err45);
        }
        errors++;
      }
    }
    if (data.extendAfter !== void 0) {
      let data21 = data.extendAfter;
      if (typeof data21 == "number" && isFinite(data21)) {
        if (data21 > 1 || isNaN(data21)) {
          const err46 = { instancePath: instancePath + "/extendAfter", schemaPath: "#/properties/extendAfter/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1" };
          if (vErrors === null) {
            vErrors = [err46];
          } else {
            vErrors.push(err46);
          }
          errors++;
        }
        if (data21 < 0 || isNaN(data21)) {
          const err47 = { instancePath: instancePath + "/extendAfter", schemaPath: "#/properties/extendAfter/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err47];
          } else {
            vErrors.push(err47);
          }
          errors++;
        }
      } else {
        const err48 = { instancePath: instancePath + "/extendAfter", schemaPath: "#/properties/extendAfter/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err48];
        } else {
          vErrors.push(err48);
        }
        errors++;
      }
    }
    if (data.requireTwoFactor !== void 0) {
      if (typeof data.requireTwoFactor !== "boolean") {
        const err49 = { instancePath: instancePath + "/requireTwoFactor", schemaPath: "#/properties/requireTwoFactor/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
    }
  } else {
    const err50 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err50];
    } else {
      vErrors.push(err50);
    }
    errors++;
  }
  validate14.errors = vErrors;
  return errors === 0;
}
var schema34 = { "type": "object", "additionalProperties": false, "required": ["provider", "roles"], "properties": { "description": { "description": "Free text about the resource.", "type": "string", "maxLength": 500 }, "provider": { "description": "The target system and where in it, by type (below). Two resources may not manage the same target.", "type": "object", "required": ["type"], "properties": { "type": { "description": "Which provider manages the target: github-team, github-repo, github-org-role, postgres, ssh-certificate or command.", "enum": ["github-team", "github-repo", "github-org-role", "postgres", "ssh-certificate", "command"] } }, "oneOf": [{ "$ref": "#/definitions/githubTeam" }, { "$ref": "#/definitions/githubRepo" }, { "$ref": "#/definitions/githubOrgRole" }, { "$ref": "#/definitions/postgres" }, { "$ref": "#/definitions/sshCertificate" }, { "$ref": "#/definitions/command" }] }, "roles": { "description": "Roles that may be requested. github-team: member, maintainer. github-repo: pull, triage, push, maintain, admin or a custom repository role. github-org-role: organization role names. postgres: database roles (elevate, ephemeral) or shared logins (checkout), in lower case. ssh-certificate: the principals a certificate may carry. command: whatever the command understands.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$" } }, "approvers": { "description": "Who may approve; `requiredApprovals` of them must approve.", "type": "array", "$ref": "#/definitions/people", "minItems": 1 }, "approvals": { "description": "Long form of approvers, used instead of it: [{from, count}, ...]; every rule must be met, by distinct people.", "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/approvalRule" } }, "autoApprove": { "description": "Rules under which a request needs no human review. Anything they do not match goes to the approvers.", "type": "array", "maxItems": 50, "items": { "$ref": "#/definitions/autoApproveRule" } }, "standing": { "description": "Permanent members that are never revoked: [{grantee, role}] (default none).", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["grantee", "role"], "properties": { "grantee": { "description": "The GitHub login that holds the role permanently.", "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?$" }, "role": { "description": "One of the resource's roles.", "type": "string", "minLength": 1 }, "reviewed": { "description": "When this standing access was last reviewed and kept, YYYY-MM-DD (UTC). `jit review` proposes removing it once `reviewEvery` (or reviews.every) has passed since.", "type": "string", "pattern": "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$" }, "reviewEvery": { "description": "How often this standing access must be reviewed, e.g. 90d (default: reviews.every; none: never due).", "$ref": "#/definitions/duration" } } } }, "maxDuration": { "$ref": "#/definitions/settings/properties/maxDuration" }, "requiredApprovals": { "$ref": "#/definitions/settings/properties/requiredApprovals" }, "requesters": { "$ref": "#/definitions/settings/properties/requesters" }, "requireTicket": { "$ref": "#/definitions/settings/properties/requireTicket" }, "ticketPattern": { "$ref": "#/definitions/settings/properties/ticketPattern" }, "minReasonLength": { "$ref": "#/definitions/settings/properties/minReasonLength" }, "schedule": { "$ref": "#/definitions/settings/properties/schedule" }, "maxScheduleAhead": { "$ref": "#/definitions/settings/properties/maxScheduleAhead" }, "maxExtensions": { "$ref": "#/definitions/settings/properties/maxExtensions" }, "maxTotalDuration": { "$ref": "#/definitions/settings/properties/maxTotalDuration" }, "allowRequestFor": { "$ref": "#/definitions/settings/properties/allowRequestFor" }, "breakGlass": { "$ref": "#/definitions/settings/properties/breakGlass" }, "mode": { "$ref": "#/definitions/settings/properties/mode" }, "revocation": { "$ref": "#/definitions/settings/properties/revocation" }, "remindBefore": { "$ref": "#/definitions/settings/properties/remindBefore" }, "extendAfter": { "$ref": "#/definitions/settings/properties/extendAfter" }, "requireTwoFactor": { "$ref": "#/definitions/settings/properties/requireTwoFactor" } }, "not": { "required": ["approvers", "approvals"] }, "anyOf": [{ "required": ["approvers"] }, { "required": ["approvals"] }] };
var schema38 = { "type": "object", "additionalProperties": false, "required": ["type", "org", "connection", "access"], "properties": { "type": { "description": "Provider type: postgres.", "const": "postgres" }, "org": { "description": "The GitHub organization whose members may request by default.", "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$" }, "connection": { "description": "Where the admin connection string comes from: an environment variable that the workflow maps an Actions secret to. Never the string itself.", "type": "object", "additionalProperties": false, "required": ["env"], "properties": { "env": { "description": "The environment variable's name, e.g. JIT_PG_PROD.", "type": "string", "pattern": "^[A-Z_][A-Z0-9_]{0,99}$" } } }, "access": { "description": "elevate: the grantee's own login gets the role; ephemeral: a login made for the lease, VALID UNTIL its end; checkout: a shared login (a role of this resource) held by one grantee at a time, its password rotated at check-in.", "enum": ["elevate", "ephemeral", "checkout"] }, "logins": { "description": "elevate: the database login of each GitHub login: `map` first, then `pattern` with {login} (the lower-cased GitHub login; default {login}).", "type": "object", "additionalProperties": false, "properties": { "map": { "description": "GitHub login \u2192 database login, for logins that do not follow the pattern.", "type": "object", "propertyNames": { "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" }, "additionalProperties": { "type": "string", "pattern": "^[a-z_][a-z0-9_-]{0,62}$" } }, "pattern": { "description": "The database login made from {login}, the lower-cased GitHub login (default {login}).", "type": "string", "pattern": "^[a-z0-9_-]{0,30}\\{login\\}[a-z0-9_-]{0,30}$" } } }, "prefix": { "description": "ephemeral: name prefix of the logins made (default jit).", "type": "string", "pattern": "^[a-z_][a-z0-9_]{0,15}$" } } };
var schema39 = { "type": "object", "additionalProperties": false, "required": ["type", "org", "ca"], "properties": { "type": { "description": "Provider type: ssh-certificate.", "const": "ssh-certificate" }, "org": { "description": "The GitHub organization whose members may request by default.", "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$" }, "ca": { "description": "Where the CA's private key (OpenSSH format, ssh-ed25519) comes from: an environment variable that the workflow maps an Actions secret to. Never the key itself.", "type": "object", "additionalProperties": false, "required": ["env"], "properties": { "env": { "description": "The environment variable's name, e.g. JIT_SSH_CA.", "type": "string", "pattern": "^[A-Z_][A-Z0-9_]{0,99}$" } } }, "extensions": { "description": "Certificate extensions (default: permit-pty only; no port, agent or X11 forwarding).", "type": "array", "uniqueItems": true, "items": { "enum": ["no-touch-required", "permit-X11-forwarding", "permit-agent-forwarding", "permit-port-forwarding", "permit-pty", "permit-user-rc"] } }, "sourceAddress": { "description": "The certificate's source-address option: addresses (CIDR) it may be used from.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string", "pattern": "^[0-9A-Fa-f.:]{2,39}(?:/[0-9]{1,3})?$" } }, "hosts": { "description": "Where grantees log in, shown with the certificate.", "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z0-9._:@\\[\\]-]{1,255}$" } } } };
var schema62 = { "description": "exclusive (default): members not backed by a lease or `standing` are revoked; additive: only what jit-access granted is revoked.", "enum": ["exclusive", "additive"] };
var schema63 = { "description": "sweep (default): revoked by the expiry sweep (every 5 minutes at best); timer: also by a timer workflow at the expiry minute.", "enum": ["sweep", "timer"] };
var pattern23 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$", "u");
var pattern24 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", "u");
var pattern26 = new RegExp("^[A-Za-z0-9._-]{1,100}$", "u");
var pattern29 = new RegExp("^[A-Z_][A-Z0-9_]{0,99}$", "u");
var pattern30 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", "u");
var pattern31 = new RegExp("^[a-z_][a-z0-9_-]{0,62}$", "u");
var pattern32 = new RegExp("^[a-z0-9_-]{0,30}\\{login\\}[a-z0-9_-]{0,30}$", "u");
var pattern33 = new RegExp("^[a-z_][a-z0-9_]{0,15}$", "u");
var pattern36 = new RegExp("^[0-9A-Fa-f.:]{2,39}(?:/[0-9]{1,3})?$", "u");
var pattern37 = new RegExp("^[A-Za-z0-9._:@\\[\\]-]{1,255}$", "u");
var pattern39 = new RegExp("^(?![./])(?!.*(?:^|/)\\.\\.?(?:/|$))(?!.*//)(?!.*/$)[A-Za-z0-9._/-]{1,200}$", "u");
var pattern41 = new RegExp("^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$", "u");
var pattern46 = new RegExp("^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$", "u");
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.from === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "from" }, message: "must have required property 'from'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "from" || key0 === "count")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.from !== void 0) {
      let data0 = data.from;
      if (!validate12(data0, { instancePath: instancePath + "/from", parentData: data, parentDataProperty: "from", rootData })) {
        vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
        errors = vErrors.length;
      }
      if (Array.isArray(data0)) {
        if (data0.length < 1) {
          const err2 = { instancePath: instancePath + "/from", schemaPath: "#/properties/from/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/from", schemaPath: "#/properties/from/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.count !== void 0) {
      let data1 = data.count;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err4 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (data1 > 20 || isNaN(data1)) {
          const err5 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 20 }, message: "must be <= 20" };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (data1 < 1 || isNaN(data1)) {
          const err6 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      }
    }
  } else {
    const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate22.errors = vErrors;
  return errors === 0;
}
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.requesters === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "requesters" }, message: "must have required property 'requesters'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "name" || key0 === "requesters" || key0 === "roles" || key0 === "maxDuration" || key0 === "schedule" || key0 === "maxPerWeek")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (!pattern1.test(data0)) {
          const err3 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/id/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9-]{0,62}$"' };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.requesters !== void 0) {
      let data1 = data.requesters;
      if (!validate12(data1, { instancePath: instancePath + "/requesters", parentData: data, parentDataProperty: "requesters", rootData })) {
        vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
        errors = vErrors.length;
      }
      if (Array.isArray(data1)) {
        if (data1.length < 1) {
          const err5 = { instancePath: instancePath + "/requesters", schemaPath: "#/properties/requesters/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/requesters", schemaPath: "#/properties/requesters/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.roles !== void 0) {
      let data2 = data.roles;
      if (Array.isArray(data2)) {
        if (data2.length < 1) {
          const err7 = { instancePath: instancePath + "/roles", schemaPath: "#/properties/roles/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (typeof data3 === "string") {
            if (func3(data3) < 1) {
              const err8 = { instancePath: instancePath + "/roles/" + i0, schemaPath: "#/properties/roles/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/roles/" + i0, schemaPath: "#/properties/roles/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        let i1 = data2.length;
        let j0;
        if (i1 > 1) {
          const indices0 = {};
          for (; i1--; ) {
            let item0 = data2[i1];
            if (typeof item0 !== "string") {
              continue;
            }
            if (typeof indices0[item0] == "number") {
              j0 = indices0[item0];
              const err10 = { instancePath: instancePath + "/roles", schemaPath: "#/properties/roles/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)" };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
              break;
            }
            indices0[item0] = i1;
          }
        }
      } else {
        const err11 = { instancePath: instancePath + "/roles", schemaPath: "#/properties/roles/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.maxDuration !== void 0) {
      let data4 = data.maxDuration;
      if (typeof data4 === "string") {
        if (!pattern2.test(data4)) {
          const err12 = { instancePath: instancePath + "/maxDuration", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/maxDuration", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.schedule !== void 0) {
      let data5 = data.schedule;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        if (data5.timezone === void 0) {
          const err14 = { instancePath: instancePath + "/schedule", schemaPath: "#/definitions/schedule/required", keyword: "required", params: { missingProperty: "timezone" }, message: "must have required property 'timezone'" };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        if (data5.windows === void 0) {
          const err15 = { instancePath: instancePath + "/schedule", schemaPath: "#/definitions/schedule/required", keyword: "required", params: { missingProperty: "windows" }, message: "must have required property 'windows'" };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        for (const key1 in data5) {
          if (!(key1 === "timezone" || key1 === "windows")) {
            const err16 = { instancePath: instancePath + "/schedule", schemaPath: "#/definitions/schedule/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data5.timezone !== void 0) {
          let data6 = data5.timezone;
          if (typeof data6 === "string") {
            if (func3(data6) < 1) {
              const err17 = { instancePath: instancePath + "/schedule/timezone", schemaPath: "#/definitions/schedule/properties/timezone/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          } else {
            const err18 = { instancePath: instancePath + "/schedule/timezone", schemaPath: "#/definitions/schedule/properties/timezone/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        if (data5.windows !== void 0) {
          let data7 = data5.windows;
          if (Array.isArray(data7)) {
            if (data7.length < 1) {
              const err19 = { instancePath: instancePath + "/schedule/windows", schemaPath: "#/definitions/schedule/properties/windows/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
            const len1 = data7.length;
            for (let i2 = 0; i2 < len1; i2++) {
              let data8 = data7[i2];
              if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                if (data8.days === void 0) {
                  const err20 = { instancePath: instancePath + "/schedule/windows/" + i2, schemaPath: "#/definitions/schedule/properties/windows/items/required", keyword: "required", params: { missingProperty: "days" }, message: "must have required property 'days'" };
                  if (vErrors === null) {
                    vErrors = [err20];
                  } else {
                    vErrors.push(err20);
                  }
                  errors++;
                }
                if (data8.hours === void 0) {
                  const err21 = { instancePath: instancePath + "/schedule/windows/" + i2, schemaPath: "#/definitions/schedule/properties/windows/items/required", keyword: "required", params: { missingProperty: "hours" }, message: "must have required property 'hours'" };
                  if (vErrors === null) {
                    vErrors = [err21];
                  } else {
                    vErrors.push(err21);
                  }
                  errors++;
                }
                for (const key2 in data8) {
                  if (!(key2 === "days" || key2 === "hours")) {
                    const err22 = { instancePath: instancePath + "/schedule/windows/" + i2, schemaPath: "#/definitions/schedule/properties/windows/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err22];
                    } else {
                      vErrors.push(err22);
                    }
                    errors++;
                  }
                }
                if (data8.days !== void 0) {
                  let data9 = data8.days;
                  if (Array.isArray(data9)) {
                    if (data9.length < 1) {
                      const err23 = { instancePath: instancePath + "/schedule/windows/" + i2 + "/days", schemaPath: "#/definitions/schedule/properties/windows/items/properties/days/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                      if (vErrors === null) {
                        vErrors = [err23];
                      } else {
                        vErrors.push(err23);
                      }
                      errors++;
                    }
                    const len2 = data9.length;
                    for (let i3 = 0; i3 < len2; i3++) {
                      let data10 = data9[i3];
                      if (!(data10 === "mon" || data10 === "tue" || data10 === "wed" || data10 === "thu" || data10 === "fri" || data10 === "sat" || data10 === "sun")) {
                        const err24 = { instancePath: instancePath + "/schedule/windows/" + i2 + "/days/" + i3, schemaPath: "#/definitions/schedule/properties/windows/items/properties/days/items/enum", keyword: "enum", params: { allowedValues: schema19.properties.windows.items.properties.days.items.enum }, message: "must be equal to one of the allowed values" };
                        if (vErrors === null) {
                          vErrors = [err24];
                        } else {
                          vErrors.push(err24);
                        }
                        errors++;
                      }
                    }
                    let i4 = data9.length;
                    let j1;
                    if (i4 > 1) {
                      outer0: for (; i4--; ) {
                        for (j1 = i4; j1--; ) {
                          if (func0(data9[i4], data9[j1])) {
                            const err25 = { instancePath: instancePath + "/schedule/windows/" + i2 + "/days", schemaPath: "#/definitions/schedule/properties/windows/items/properties/days/uniqueItems", keyword: "uniqueItems", params: { i: i4, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i4 + " are identical)" };
                            if (vErrors === null) {
                              vErrors = [err25];
                            } else {
                              vErrors.push(err25);
                            }
                            errors++;
                            break outer0;
                          }
                        }
                      }
                    }
                  } else {
                    const err26 = { instancePath: instancePath + "/schedule/windows/" + i2 + "/days", schemaPath: "#/definitions/schedule/properties/windows/items/properties/days/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                      vErrors = [err26];
                    } else {
                      vErrors.push(err26);
                    }
                    errors++;
                  }
                }
                if (data8.hours !== void 0) {
                  let data11 = data8.hours;
                  if (typeof data11 === "string") {
                    if (!pattern9.test(data11)) {
                      const err27 = { instancePath: instancePath + "/schedule/windows/" + i2 + "/hours", schemaPath: "#/definitions/schedule/properties/windows/items/properties/hours/pattern", keyword: "pattern", params: { pattern: "^(?:[01]\\d|2[0-3]):[0-5]\\d-(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$" }, message: 'must match pattern "^(?:[01]\\d|2[0-3]):[0-5]\\d-(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$"' };
                      if (vErrors === null) {
                        vErrors = [err27];
                      } else {
                        vErrors.push(err27);
                      }
                      errors++;
                    }
                  } else {
                    const err28 = { instancePath: instancePath + "/schedule/windows/" + i2 + "/hours", schemaPath: "#/definitions/schedule/properties/windows/items/properties/hours/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err28];
                    } else {
                      vErrors.push(err28);
                    }
                    errors++;
                  }
                }
              } else {
                const err29 = { instancePath: instancePath + "/schedule/windows/" + i2, schemaPath: "#/definitions/schedule/properties/windows/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
          } else {
            const err30 = { instancePath: instancePath + "/schedule/windows", schemaPath: "#/definitions/schedule/properties/windows/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
      } else {
        const err31 = { instancePath: instancePath + "/schedule", schemaPath: "#/definitions/schedule/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
    }
    if (data.maxPerWeek !== void 0) {
      let data12 = data.maxPerWeek;
      if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
        const err32 = { instancePath: instancePath + "/maxPerWeek", schemaPath: "#/properties/maxPerWeek/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
      if (typeof data12 == "number" && isFinite(data12)) {
        if (data12 > 1e3 || isNaN(data12)) {
          const err33 = { instancePath: instancePath + "/maxPerWeek", schemaPath: "#/properties/maxPerWeek/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000" };
          if (vErrors === null) {
            vErrors = [err33];
          } else {
            vErrors.push(err33);
          }
          errors++;
        }
        if (data12 < 1 || isNaN(data12)) {
          const err34 = { instancePath: instancePath + "/maxPerWeek", schemaPath: "#/properties/maxPerWeek/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err34];
          } else {
            vErrors.push(err34);
          }
          errors++;
        }
      }
    }
  } else {
    const err35 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err35];
    } else {
      vErrors.push(err35);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
function validate28(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (Array.isArray(data)) {
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      let data0 = data[i0];
      if (typeof data0 === "string") {
        if (!pattern5.test(data0)) {
          const err0 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/personRef/pattern", keyword: "pattern", params: { pattern: "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?|@[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}/[A-Za-z0-9][A-Za-z0-9._-]{0,99}|group:[a-z0-9][a-z0-9-]{0,62})$" }, message: 'must match pattern "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?|@[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}/[A-Za-z0-9][A-Za-z0-9._-]{0,99}|group:[a-z0-9][a-z0-9-]{0,62})$"' };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      } else {
        const err1 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/personRef/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    let i1 = data.length;
    let j0;
    if (i1 > 1) {
      outer0: for (; i1--; ) {
        for (j0 = i1; j0--; ) {
          if (func0(data[i1], data[j0])) {
            const err2 = { instancePath, schemaPath: "#/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)" };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
            break outer0;
          }
        }
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate28.errors = vErrors;
  return errors === 0;
}
function validate30(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (typeof data !== "boolean") {
    const err0 = { instancePath, schemaPath: "#/oneOf/0/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs3 = errors;
  if (!validate12(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
    errors = vErrors.length;
  }
  if (Array.isArray(data)) {
    if (data.length < 1) {
      const err1 = { instancePath, schemaPath: "#/oneOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  var _valid0 = _errs3 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
  }
  if (!valid0) {
    const err3 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate30.errors = vErrors;
  return errors === 0;
}
function validate33(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.allowed === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "allowed" }, message: "must have required property 'allowed'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "allowed" || key0 === "maxDuration" || key0 === "reviewWithin")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.allowed !== void 0) {
      if (typeof data.allowed !== "boolean") {
        const err2 = { instancePath: instancePath + "/allowed", schemaPath: "#/properties/allowed/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.maxDuration !== void 0) {
      let data1 = data.maxDuration;
      if (typeof data1 === "string") {
        if (!pattern2.test(data1)) {
          const err3 = { instancePath: instancePath + "/maxDuration", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/maxDuration", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.reviewWithin !== void 0) {
      let data2 = data.reviewWithin;
      if (typeof data2 === "string") {
        if (!pattern2.test(data2)) {
          const err5 = { instancePath: instancePath + "/reviewWithin", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/reviewWithin", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
  } else {
    const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate33.errors = vErrors;
  return errors === 0;
}
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs1 = errors;
  const _errs2 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing0;
    if (data.approvers === void 0 && (missing0 = "approvers") || data.approvals === void 0 && (missing0 = "approvals")) {
      const err0 = {};
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  }
  var valid0 = _errs2 === errors;
  if (valid0) {
    const err1 = { instancePath, schemaPath: "#/not", keyword: "not", params: {}, message: "must NOT be valid" };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  } else {
    errors = _errs1;
    if (vErrors !== null) {
      if (_errs1) {
        vErrors.length = _errs1;
      } else {
        vErrors = null;
      }
    }
  }
  const _errs3 = errors;
  let valid1 = false;
  const _errs4 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.approvers === void 0) {
      const err2 = { instancePath, schemaPath: "#/anyOf/0/required", keyword: "required", params: { missingProperty: "approvers" }, message: "must have required property 'approvers'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  var _valid0 = _errs4 === errors;
  valid1 = valid1 || _valid0;
  if (!valid1) {
    const _errs5 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.approvals === void 0) {
        const err3 = { instancePath, schemaPath: "#/anyOf/1/required", keyword: "required", params: { missingProperty: "approvals" }, message: "must have required property 'approvals'" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    var _valid0 = _errs5 === errors;
    valid1 = valid1 || _valid0;
  }
  if (!valid1) {
    const err4 = { instancePath, schemaPath: "#/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  } else {
    errors = _errs3;
    if (vErrors !== null) {
      if (_errs3) {
        vErrors.length = _errs3;
      } else {
        vErrors = null;
      }
    }
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.provider === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "provider" }, message: "must have required property 'provider'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.roles === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "roles" }, message: "must have required property 'roles'" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema34.properties, key0)) {
        const err7 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data0 = data.description;
      if (typeof data0 === "string") {
        if (func3(data0) > 500) {
          const err8 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/maxLength", keyword: "maxLength", params: { limit: 500 }, message: "must NOT have more than 500 characters" };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.provider !== void 0) {
      let data1 = data.provider;
      const _errs11 = errors;
      let valid3 = false;
      let passing0 = null;
      const _errs12 = errors;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        if (data1.type === void 0) {
          const err10 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubTeam/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'" };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
        if (data1.org === void 0) {
          const err11 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubTeam/required", keyword: "required", params: { missingProperty: "org" }, message: "must have required property 'org'" };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
        if (data1.team === void 0) {
          const err12 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubTeam/required", keyword: "required", params: { missingProperty: "team" }, message: "must have required property 'team'" };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        for (const key1 in data1) {
          if (!(key1 === "type" || key1 === "org" || key1 === "team")) {
            const err13 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubTeam/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data1.type !== void 0) {
          if ("github-team" !== data1.type) {
            const err14 = { instancePath: instancePath + "/provider/type", schemaPath: "#/definitions/githubTeam/properties/type/const", keyword: "const", params: { allowedValue: "github-team" }, message: "must be equal to constant" };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data1.org !== void 0) {
          let data3 = data1.org;
          if (typeof data3 === "string") {
            if (!pattern23.test(data3)) {
              const err15 = { instancePath: instancePath + "/provider/org", schemaPath: "#/definitions/githubTeam/properties/org/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$"' };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
          } else {
            const err16 = { instancePath: instancePath + "/provider/org", schemaPath: "#/definitions/githubTeam/properties/org/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data1.team !== void 0) {
          let data4 = data1.team;
          if (typeof data4 === "string") {
            if (!pattern24.test(data4)) {
              const err17 = { instancePath: instancePath + "/provider/team", schemaPath: "#/definitions/githubTeam/properties/team/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"' };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          } else {
            const err18 = { instancePath: instancePath + "/provider/team", schemaPath: "#/definitions/githubTeam/properties/team/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubTeam/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
      var _valid1 = _errs12 === errors;
      if (_valid1) {
        valid3 = true;
        passing0 = 0;
      }
      const _errs21 = errors;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        if (data1.type === void 0) {
          const err20 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubRepo/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'" };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        if (data1.owner === void 0) {
          const err21 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubRepo/required", keyword: "required", params: { missingProperty: "owner" }, message: "must have required property 'owner'" };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        if (data1.repo === void 0) {
          const err22 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubRepo/required", keyword: "required", params: { missingProperty: "repo" }, message: "must have required property 'repo'" };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        for (const key2 in data1) {
          if (!(key2 === "type" || key2 === "owner" || key2 === "repo")) {
            const err23 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubRepo/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data1.type !== void 0) {
          if ("github-repo" !== data1.type) {
            const err24 = { instancePath: instancePath + "/provider/type", schemaPath: "#/definitions/githubRepo/properties/type/const", keyword: "const", params: { allowedValue: "github-repo" }, message: "must be equal to constant" };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data1.owner !== void 0) {
          let data6 = data1.owner;
          if (typeof data6 === "string") {
            if (!pattern23.test(data6)) {
              const err25 = { instancePath: instancePath + "/provider/owner", schemaPath: "#/definitions/githubRepo/properties/owner/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$"' };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
          } else {
            const err26 = { instancePath: instancePath + "/provider/owner", schemaPath: "#/definitions/githubRepo/properties/owner/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data1.repo !== void 0) {
          let data7 = data1.repo;
          if (typeof data7 === "string") {
            if (!pattern26.test(data7)) {
              const err27 = { instancePath: instancePath + "/provider/repo", schemaPath: "#/definitions/githubRepo/properties/repo/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._-]{1,100}$" }, message: 'must match pattern "^[A-Za-z0-9._-]{1,100}$"' };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          } else {
            const err28 = { instancePath: instancePath + "/provider/repo", schemaPath: "#/definitions/githubRepo/properties/repo/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
      } else {
        const err29 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubRepo/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
      var _valid1 = _errs21 === errors;
      if (_valid1 && valid3) {
        valid3 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid1) {
          valid3 = true;
          passing0 = 1;
        }
        const _errs30 = errors;
        if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
          if (data1.type === void 0) {
            const err30 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubOrgRole/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'" };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
          if (data1.org === void 0) {
            const err31 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubOrgRole/required", keyword: "required", params: { missingProperty: "org" }, message: "must have required property 'org'" };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
          for (const key3 in data1) {
            if (!(key3 === "type" || key3 === "org")) {
              const err32 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubOrgRole/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
          }
          if (data1.type !== void 0) {
            if ("github-org-role" !== data1.type) {
              const err33 = { instancePath: instancePath + "/provider/type", schemaPath: "#/definitions/githubOrgRole/properties/type/const", keyword: "const", params: { allowedValue: "github-org-role" }, message: "must be equal to constant" };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
          }
          if (data1.org !== void 0) {
            let data9 = data1.org;
            if (typeof data9 === "string") {
              if (!pattern23.test(data9)) {
                const err34 = { instancePath: instancePath + "/provider/org", schemaPath: "#/definitions/githubOrgRole/properties/org/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$"' };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
            } else {
              const err35 = { instancePath: instancePath + "/provider/org", schemaPath: "#/definitions/githubOrgRole/properties/org/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
          }
        } else {
          const err36 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/githubOrgRole/type", keyword: "type", params: { type: "object" }, message: "must be object" };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
        var _valid1 = _errs30 === errors;
        if (_valid1 && valid3) {
          valid3 = false;
          passing0 = [passing0, 2];
        } else {
          if (_valid1) {
            valid3 = true;
            passing0 = 2;
          }
          const _errs37 = errors;
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.type === void 0) {
              const err37 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/postgres/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'" };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
            if (data1.org === void 0) {
              const err38 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/postgres/required", keyword: "required", params: { missingProperty: "org" }, message: "must have required property 'org'" };
              if (vErrors === null) {
                vErrors = [err38];
              } else {
                vErrors.push(err38);
              }
              errors++;
            }
            if (data1.connection === void 0) {
              const err39 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/postgres/required", keyword: "required", params: { missingProperty: "connection" }, message: "must have required property 'connection'" };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
            if (data1.access === void 0) {
              const err40 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/postgres/required", keyword: "required", params: { missingProperty: "access" }, message: "must have required property 'access'" };
              if (vErrors === null) {
                vErrors = [err40];
              } else {
                vErrors.push(err40);
              }
              errors++;
            }
            for (const key4 in data1) {
              if (!(key4 === "type" || key4 === "org" || key4 === "connection" || key4 === "access" || key4 === "logins" || key4 === "prefix")) {
                const err41 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/postgres/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
            }
            if (data1.type !== void 0) {
              if ("postgres" !== data1.type) {
                const err42 = { instancePath: instancePath + "/provider/type", schemaPath: "#/definitions/postgres/properties/type/const", keyword: "const", params: { allowedValue: "postgres" }, message: "must be equal to constant" };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors++;
              }
            }
            if (data1.org !== void 0) {
              let data11 = data1.org;
              if (typeof data11 === "string") {
                if (!pattern23.test(data11)) {
                  const err43 = { instancePath: instancePath + "/provider/org", schemaPath: "#/definitions/postgres/properties/org/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$"' };
                  if (vErrors === null) {
                    vErrors = [err43];
                  } else {
                    vErrors.push(err43);
                  }
                  errors++;
                }
              } else {
                const err44 = { instancePath: instancePath + "/provider/org", schemaPath: "#/definitions/postgres/properties/org/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err44];
                } else {
                  vErrors.push(err44);
                }
                errors++;
              }
            }
            if (data1.connection !== void 0) {
              let data12 = data1.connection;
              if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                if (data12.env === void 0) {
                  const err45 = { instancePath: instancePath + "/provider/connection", schemaPath: "#/definitions/postgres/properties/connection/required", keyword: "required", params: { missingProperty: "env" }, message: "must have required property 'env'" };
                  if (vErrors === null) {
                    vErrors = [err45];
                  } else {
                    vErrors.push(err45);
                  }
                  errors++;
                }
                for (const key5 in data12) {
                  if (!(key5 === "env")) {
                    const err46 = { instancePath: instancePath + "/provider/connection", schemaPath: "#/definitions/postgres/properties/connection/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err46];
                    } else {
                      vErrors.push(err46);
                    }
                    errors++;
                  }
                }
                if (data12.env !== void 0) {
                  let data13 = data12.env;
                  if (typeof data13 === "string") {
                    if (!pattern29.test(data13)) {
                      const err47 = { instancePath: instancePath + "/provider/connection/env", schemaPath: "#/definitions/postgres/properties/connection/properties/env/pattern", keyword: "pattern", params: { pattern: "^[A-Z_][A-Z0-9_]{0,99}$" }, message: 'must match pattern "^[A-Z_][A-Z0-9_]{0,99}$"' };
                      if (vErrors === null) {
                        vErrors = [err47];
                      } else {
                        vErrors.push(err47);
                      }
                      errors++;
                    }
                  } else {
                    const err48 = { instancePath: instancePath + "/provider/connection/env", schemaPath: "#/definitions/postgres/properties/connection/properties/env/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err48];
                    } else {
                      vErrors.push(err48);
                    }
                    errors++;
                  }
                }
              } else {
                const err49 = { instancePath: instancePath + "/provider/connection", schemaPath: "#/definitions/postgres/properties/connection/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors++;
              }
            }
            if (data1.access !== void 0) {
              let data14 = data1.access;
              if (!(data14 === "elevate" || data14 === "ephemeral" || data14 === "checkout")) {
                const err50 = { instancePath: instancePath + "/provider/access", schemaPath: "#/definitions/postgres/properties/access/enum", keyword: "enum", params: { allowedValues: schema38.properties.access.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors++;
              }
            }
            if (data1.logins !== void 0) {
              let data15 = data1.logins;
              if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
                for (const key6 in data15) {
                  if (!(key6 === "map" || key6 === "pattern")) {
                    const err51 = { instancePath: instancePath + "/provider/logins", schemaPath: "#/definitions/postgres/properties/logins/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err51];
                    } else {
                      vErrors.push(err51);
                    }
                    errors++;
                  }
                }
                if (data15.map !== void 0) {
                  let data16 = data15.map;
                  if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
                    for (const key7 in data16) {
                      const _errs55 = errors;
                      if (typeof key7 === "string") {
                        if (!pattern30.test(key7)) {
                          const err52 = { instancePath: instancePath + "/provider/logins/map", schemaPath: "#/definitions/postgres/properties/logins/properties/map/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"', propertyName: key7 };
                          if (vErrors === null) {
                            vErrors = [err52];
                          } else {
                            vErrors.push(err52);
                          }
                          errors++;
                        }
                      }
                      var valid14 = _errs55 === errors;
                      if (!valid14) {
                        const err53 = { instancePath: instancePath + "/provider/logins/map", schemaPath: "#/definitions/postgres/properties/logins/properties/map/propertyNames", keyword: "propertyNames", params: { propertyName: key7 }, message: "property name must be valid" };
                        if (vErrors === null) {
                          vErrors = [err53];
                        } else {
                          vErrors.push(err53);
                        }
                        errors++;
                      }
                    }
                    for (const key8 in data16) {
                      let data17 = data16[key8];
                      if (typeof data17 === "string") {
                        if (!pattern31.test(data17)) {
                          const err54 = { instancePath: instancePath + "/provider/logins/map/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/postgres/properties/logins/properties/map/additionalProperties/pattern", keyword: "pattern", params: { pattern: "^[a-z_][a-z0-9_-]{0,62}$" }, message: 'must match pattern "^[a-z_][a-z0-9_-]{0,62}$"' };
                          if (vErrors === null) {
                            vErrors = [err54];
                          } else {
                            vErrors.push(err54);
                          }
                          errors++;
                        }
                      } else {
                        const err55 = { instancePath: instancePath + "/provider/logins/map/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/postgres/properties/logins/properties/map/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                          vErrors = [err55];
                        } else {
                          vErrors.push(err55);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err56 = { instancePath: instancePath + "/provider/logins/map", schemaPath: "#/definitions/postgres/properties/logins/properties/map/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                      vErrors = [err56];
                    } else {
                      vErrors.push(err56);
                    }
                    errors++;
                  }
                }
                if (data15.pattern !== void 0) {
                  let data18 = data15.pattern;
                  if (typeof data18 === "string") {
                    if (!pattern32.test(data18)) {
                      const err57 = { instancePath: instancePath + "/provider/logins/pattern", schemaPath: "#/definitions/postgres/properties/logins/properties/pattern/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9_-]{0,30}\\{login\\}[a-z0-9_-]{0,30}$" }, message: 'must match pattern "^[a-z0-9_-]{0,30}\\{login\\}[a-z0-9_-]{0,30}$"' };
                      if (vErrors === null) {
                        vErrors = [err57];
                      } else {
                        vErrors.push(err57);
                      }
                      errors++;
                    }
                  } else {
                    const err58 = { instancePath: instancePath + "/provider/logins/pattern", schemaPath: "#/definitions/postgres/properties/logins/properties/pattern/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err58];
                    } else {
                      vErrors.push(err58);
                    }
                    errors++;
                  }
                }
              } else {
                const err59 = { instancePath: instancePath + "/provider/logins", schemaPath: "#/definitions/postgres/properties/logins/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
            }
            if (data1.prefix !== void 0) {
              let data19 = data1.prefix;
              if (typeof data19 === "string") {
                if (!pattern33.test(data19)) {
                  const err60 = { instancePath: instancePath + "/provider/prefix", schemaPath: "#/definitions/postgres/properties/prefix/pattern", keyword: "pattern", params: { pattern: "^[a-z_][a-z0-9_]{0,15}$" }, message: 'must match pattern "^[a-z_][a-z0-9_]{0,15}$"' };
                  if (vErrors === null) {
                    vErrors = [err60];
                  } else {
                    vErrors.push(err60);
                  }
                  errors++;
                }
              } else {
                const err61 = { instancePath: instancePath + "/provider/prefix", schemaPath: "#/definitions/postgres/properties/prefix/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err61];
                } else {
                  vErrors.push(err61);
                }
                errors++;
              }
            }
          } else {
            const err62 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/postgres/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
          var _valid1 = _errs37 === errors;
          if (_valid1 && valid3) {
            valid3 = false;
            passing0 = [passing0, 3];
          } else {
            if (_valid1) {
              valid3 = true;
              passing0 = 3;
            }
            const _errs63 = errors;
            if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
              if (data1.type === void 0) {
                const err63 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/sshCertificate/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'" };
                if (vErrors === null) {
                  vErrors = [err63];
                } else {
                  vErrors.push(err63);
                }
                errors++;
              }
              if (data1.org === void 0) {
                const err64 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/sshCertificate/required", keyword: "required", params: { missingProperty: "org" }, message: "must have required property 'org'" };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
              if (data1.ca === void 0) {
                const err65 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/sshCertificate/required", keyword: "required", params: { missingProperty: "ca" }, message: "must have required property 'ca'" };
                if (vErrors === null) {
                  vErrors = [err65];
                } else {
                  vErrors.push(err65);
                }
                errors++;
              }
              for (const key9 in data1) {
                if (!(key9 === "type" || key9 === "org" || key9 === "ca" || key9 === "extensions" || key9 === "sourceAddress" || key9 === "hosts")) {
                  const err66 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/sshCertificate/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties" };
                  if (vErrors === null) {
                    vErrors = [err66];
                  } else {
                    vErrors.push(err66);
                  }
                  errors++;
                }
              }
              if (data1.type !== void 0) {
                if ("ssh-certificate" !== data1.type) {
                  const err67 = { instancePath: instancePath + "/provider/type", schemaPath: "#/definitions/sshCertificate/properties/type/const", keyword: "const", params: { allowedValue: "ssh-certificate" }, message: "must be equal to constant" };
                  if (vErrors === null) {
                    vErrors = [err67];
                  } else {
                    vErrors.push(err67);
                  }
                  errors++;
                }
              }
              if (data1.org !== void 0) {
                let data21 = data1.org;
                if (typeof data21 === "string") {
                  if (!pattern23.test(data21)) {
                    const err68 = { instancePath: instancePath + "/provider/org", schemaPath: "#/definitions/sshCertificate/properties/org/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$"' };
                    if (vErrors === null) {
                      vErrors = [err68];
                    } else {
                      vErrors.push(err68);
                    }
                    errors++;
                  }
                } else {
                  const err69 = { instancePath: instancePath + "/provider/org", schemaPath: "#/definitions/sshCertificate/properties/org/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  if (vErrors === null) {
                    vErrors = [err69];
                  } else {
                    vErrors.push(err69);
                  }
                  errors++;
                }
              }
              if (data1.ca !== void 0) {
                let data22 = data1.ca;
                if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
                  if (data22.env === void 0) {
                    const err70 = { instancePath: instancePath + "/provider/ca", schemaPath: "#/definitions/sshCertificate/properties/ca/required", keyword: "required", params: { missingProperty: "env" }, message: "must have required property 'env'" };
                    if (vErrors === null) {
                      vErrors = [err70];
                    } else {
                      vErrors.push(err70);
                    }
                    errors++;
                  }
                  for (const key10 in data22) {
                    if (!(key10 === "env")) {
                      const err71 = { instancePath: instancePath + "/provider/ca", schemaPath: "#/definitions/sshCertificate/properties/ca/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties" };
                      if (vErrors === null) {
                        vErrors = [err71];
                      } else {
                        vErrors.push(err71);
                      }
                      errors++;
                    }
                  }
                  if (data22.env !== void 0) {
                    let data23 = data22.env;
                    if (typeof data23 === "string") {
                      if (!pattern29.test(data23)) {
                        const err72 = { instancePath: instancePath + "/provider/ca/env", schemaPath: "#/definitions/sshCertificate/properties/ca/properties/env/pattern", keyword: "pattern", params: { pattern: "^[A-Z_][A-Z0-9_]{0,99}$" }, message: 'must match pattern "^[A-Z_][A-Z0-9_]{0,99}$"' };
                        if (vErrors === null) {
                          vErrors = [err72];
                        } else {
                          vErrors.push(err72);
                        }
                        errors++;
                      }
                    } else {
                      const err73 = { instancePath: instancePath + "/provider/ca/env", schemaPath: "#/definitions/sshCertificate/properties/ca/properties/env/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      if (vErrors === null) {
                        vErrors = [err73];
                      } else {
                        vErrors.push(err73);
                      }
                      errors++;
                    }
                  }
                } else {
                  const err74 = { instancePath: instancePath + "/provider/ca", schemaPath: "#/definitions/sshCertificate/properties/ca/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                  if (vErrors === null) {
                    vErrors = [err74];
                  } else {
                    vErrors.push(err74);
                  }
                  errors++;
                }
              }
              if (data1.extensions !== void 0) {
                let data24 = data1.extensions;
                if (Array.isArray(data24)) {
                  const len0 = data24.length;
                  for (let i0 = 0; i0 < len0; i0++) {
                    let data25 = data24[i0];
                    if (!(data25 === "no-touch-required" || data25 === "permit-X11-forwarding" || data25 === "permit-agent-forwarding" || data25 === "permit-port-forwarding" || data25 === "permit-pty" || data25 === "permit-user-rc")) {
                      const err75 = { instancePath: instancePath + "/provider/extensions/" + i0, schemaPath: "#/definitions/sshCertificate/properties/extensions/items/enum", keyword: "enum", params: { allowedValues: schema39.properties.extensions.items.enum }, message: "must be equal to one of the allowed values" };
                      if (vErrors === null) {
                        vErrors = [err75];
                      } else {
                        vErrors.push(err75);
                      }
                      errors++;
                    }
                  }
                  let i1 = data24.length;
                  let j0;
                  if (i1 > 1) {
                    outer0: for (; i1--; ) {
                      for (j0 = i1; j0--; ) {
                        if (func0(data24[i1], data24[j0])) {
                          const err76 = { instancePath: instancePath + "/provider/extensions", schemaPath: "#/definitions/sshCertificate/properties/extensions/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)" };
                          if (vErrors === null) {
                            vErrors = [err76];
                          } else {
                            vErrors.push(err76);
                          }
                          errors++;
                          break outer0;
                        }
                      }
                    }
                  }
                } else {
                  const err77 = { instancePath: instancePath + "/provider/extensions", schemaPath: "#/definitions/sshCertificate/properties/extensions/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                  if (vErrors === null) {
                    vErrors = [err77];
                  } else {
                    vErrors.push(err77);
                  }
                  errors++;
                }
              }
              if (data1.sourceAddress !== void 0) {
                let data26 = data1.sourceAddress;
                if (Array.isArray(data26)) {
                  if (data26.length < 1) {
                    const err78 = { instancePath: instancePath + "/provider/sourceAddress", schemaPath: "#/definitions/sshCertificate/properties/sourceAddress/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                    if (vErrors === null) {
                      vErrors = [err78];
                    } else {
                      vErrors.push(err78);
                    }
                    errors++;
                  }
                  const len1 = data26.length;
                  for (let i2 = 0; i2 < len1; i2++) {
                    let data27 = data26[i2];
                    if (typeof data27 === "string") {
                      if (!pattern36.test(data27)) {
                        const err79 = { instancePath: instancePath + "/provider/sourceAddress/" + i2, schemaPath: "#/definitions/sshCertificate/properties/sourceAddress/items/pattern", keyword: "pattern", params: { pattern: "^[0-9A-Fa-f.:]{2,39}(?:/[0-9]{1,3})?$" }, message: 'must match pattern "^[0-9A-Fa-f.:]{2,39}(?:/[0-9]{1,3})?$"' };
                        if (vErrors === null) {
                          vErrors = [err79];
                        } else {
                          vErrors.push(err79);
                        }
                        errors++;
                      }
                    } else {
                      const err80 = { instancePath: instancePath + "/provider/sourceAddress/" + i2, schemaPath: "#/definitions/sshCertificate/properties/sourceAddress/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      if (vErrors === null) {
                        vErrors = [err80];
                      } else {
                        vErrors.push(err80);
                      }
                      errors++;
                    }
                  }
                  let i3 = data26.length;
                  let j1;
                  if (i3 > 1) {
                    const indices0 = {};
                    for (; i3--; ) {
                      let item0 = data26[i3];
                      if (typeof item0 !== "string") {
                        continue;
                      }
                      if (typeof indices0[item0] == "number") {
                        j1 = indices0[item0];
                        const err81 = { instancePath: instancePath + "/provider/sourceAddress", schemaPath: "#/definitions/sshCertificate/properties/sourceAddress/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i3 + " are identical)" };
                        if (vErrors === null) {
                          vErrors = [err81];
                        } else {
                          vErrors.push(err81);
                        }
                        errors++;
                        break;
                      }
                      indices0[item0] = i3;
                    }
                  }
                } else {
                  const err82 = { instancePath: instancePath + "/provider/sourceAddress", schemaPath: "#/definitions/sshCertificate/properties/sourceAddress/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                  if (vErrors === null) {
                    vErrors = [err82];
                  } else {
                    vErrors.push(err82);
                  }
                  errors++;
                }
              }
              if (data1.hosts !== void 0) {
                let data28 = data1.hosts;
                if (Array.isArray(data28)) {
                  const len2 = data28.length;
                  for (let i4 = 0; i4 < len2; i4++) {
                    let data29 = data28[i4];
                    if (typeof data29 === "string") {
                      if (!pattern37.test(data29)) {
                        const err83 = { instancePath: instancePath + "/provider/hosts/" + i4, schemaPath: "#/definitions/sshCertificate/properties/hosts/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:@\\[\\]-]{1,255}$" }, message: 'must match pattern "^[A-Za-z0-9._:@\\[\\]-]{1,255}$"' };
                        if (vErrors === null) {
                          vErrors = [err83];
                        } else {
                          vErrors.push(err83);
                        }
                        errors++;
                      }
                    } else {
                      const err84 = { instancePath: instancePath + "/provider/hosts/" + i4, schemaPath: "#/definitions/sshCertificate/properties/hosts/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      if (vErrors === null) {
                        vErrors = [err84];
                      } else {
                        vErrors.push(err84);
                      }
                      errors++;
                    }
                  }
                } else {
                  const err85 = { instancePath: instancePath + "/provider/hosts", schemaPath: "#/definitions/sshCertificate/properties/hosts/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                  if (vErrors === null) {
                    vErrors = [err85];
                  } else {
                    vErrors.push(err85);
                  }
                  errors++;
                }
              }
            } else {
              const err86 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/sshCertificate/type", keyword: "type", params: { type: "object" }, message: "must be object" };
              if (vErrors === null) {
                vErrors = [err86];
              } else {
                vErrors.push(err86);
              }
              errors++;
            }
            var _valid1 = _errs63 === errors;
            if (_valid1 && valid3) {
              valid3 = false;
              passing0 = [passing0, 4];
            } else {
              if (_valid1) {
                valid3 = true;
                passing0 = 4;
              }
              const _errs86 = errors;
              if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
                if (data1.type === void 0) {
                  const err87 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/command/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'" };
                  if (vErrors === null) {
                    vErrors = [err87];
                  } else {
                    vErrors.push(err87);
                  }
                  errors++;
                }
                if (data1.org === void 0) {
                  const err88 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/command/required", keyword: "required", params: { missingProperty: "org" }, message: "must have required property 'org'" };
                  if (vErrors === null) {
                    vErrors = [err88];
                  } else {
                    vErrors.push(err88);
                  }
                  errors++;
                }
                if (data1.run === void 0) {
                  const err89 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/command/required", keyword: "required", params: { missingProperty: "run" }, message: "must have required property 'run'" };
                  if (vErrors === null) {
                    vErrors = [err89];
                  } else {
                    vErrors.push(err89);
                  }
                  errors++;
                }
                for (const key11 in data1) {
                  if (!(key11 === "type" || key11 === "org" || key11 === "run" || key11 === "args" || key11 === "env" || key11 === "timeout")) {
                    const err90 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/command/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err90];
                    } else {
                      vErrors.push(err90);
                    }
                    errors++;
                  }
                }
                if (data1.type !== void 0) {
                  if ("command" !== data1.type) {
                    const err91 = { instancePath: instancePath + "/provider/type", schemaPath: "#/definitions/command/properties/type/const", keyword: "const", params: { allowedValue: "command" }, message: "must be equal to constant" };
                    if (vErrors === null) {
                      vErrors = [err91];
                    } else {
                      vErrors.push(err91);
                    }
                    errors++;
                  }
                }
                if (data1.org !== void 0) {
                  let data31 = data1.org;
                  if (typeof data31 === "string") {
                    if (!pattern23.test(data31)) {
                      const err92 = { instancePath: instancePath + "/provider/org", schemaPath: "#/definitions/command/properties/org/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$"' };
                      if (vErrors === null) {
                        vErrors = [err92];
                      } else {
                        vErrors.push(err92);
                      }
                      errors++;
                    }
                  } else {
                    const err93 = { instancePath: instancePath + "/provider/org", schemaPath: "#/definitions/command/properties/org/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err93];
                    } else {
                      vErrors.push(err93);
                    }
                    errors++;
                  }
                }
                if (data1.run !== void 0) {
                  let data32 = data1.run;
                  if (typeof data32 === "string") {
                    if (!pattern39.test(data32)) {
                      const err94 = { instancePath: instancePath + "/provider/run", schemaPath: "#/definitions/command/properties/run/pattern", keyword: "pattern", params: { pattern: "^(?![./])(?!.*(?:^|/)\\.\\.?(?:/|$))(?!.*//)(?!.*/$)[A-Za-z0-9._/-]{1,200}$" }, message: 'must match pattern "^(?![./])(?!.*(?:^|/)\\.\\.?(?:/|$))(?!.*//)(?!.*/$)[A-Za-z0-9._/-]{1,200}$"' };
                      if (vErrors === null) {
                        vErrors = [err94];
                      } else {
                        vErrors.push(err94);
                      }
                      errors++;
                    }
                  } else {
                    const err95 = { instancePath: instancePath + "/provider/run", schemaPath: "#/definitions/command/properties/run/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err95];
                    } else {
                      vErrors.push(err95);
                    }
                    errors++;
                  }
                }
                if (data1.args !== void 0) {
                  let data33 = data1.args;
                  if (Array.isArray(data33)) {
                    if (data33.length > 20) {
                      const err96 = { instancePath: instancePath + "/provider/args", schemaPath: "#/definitions/command/properties/args/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items" };
                      if (vErrors === null) {
                        vErrors = [err96];
                      } else {
                        vErrors.push(err96);
                      }
                      errors++;
                    }
                    const len3 = data33.length;
                    for (let i5 = 0; i5 < len3; i5++) {
                      let data34 = data33[i5];
                      if (typeof data34 === "string") {
                        if (func3(data34) > 200) {
                          const err97 = { instancePath: instancePath + "/provider/args/" + i5, schemaPath: "#/definitions/command/properties/args/items/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters" };
                          if (vErrors === null) {
                            vErrors = [err97];
                          } else {
                            vErrors.push(err97);
                          }
                          errors++;
                        }
                      } else {
                        const err98 = { instancePath: instancePath + "/provider/args/" + i5, schemaPath: "#/definitions/command/properties/args/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                          vErrors = [err98];
                        } else {
                          vErrors.push(err98);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err99 = { instancePath: instancePath + "/provider/args", schemaPath: "#/definitions/command/properties/args/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                      vErrors = [err99];
                    } else {
                      vErrors.push(err99);
                    }
                    errors++;
                  }
                }
                if (data1.env !== void 0) {
                  let data35 = data1.env;
                  if (Array.isArray(data35)) {
                    const len4 = data35.length;
                    for (let i6 = 0; i6 < len4; i6++) {
                      let data36 = data35[i6];
                      if (typeof data36 === "string") {
                        if (!pattern29.test(data36)) {
                          const err100 = { instancePath: instancePath + "/provider/env/" + i6, schemaPath: "#/definitions/command/properties/env/items/pattern", keyword: "pattern", params: { pattern: "^[A-Z_][A-Z0-9_]{0,99}$" }, message: 'must match pattern "^[A-Z_][A-Z0-9_]{0,99}$"' };
                          if (vErrors === null) {
                            vErrors = [err100];
                          } else {
                            vErrors.push(err100);
                          }
                          errors++;
                        }
                      } else {
                        const err101 = { instancePath: instancePath + "/provider/env/" + i6, schemaPath: "#/definitions/command/properties/env/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                          vErrors = [err101];
                        } else {
                          vErrors.push(err101);
                        }
                        errors++;
                      }
                    }
                    let i7 = data35.length;
                    let j2;
                    if (i7 > 1) {
                      const indices1 = {};
                      for (; i7--; ) {
                        let item1 = data35[i7];
                        if (typeof item1 !== "string") {
                          continue;
                        }
                        if (typeof indices1[item1] == "number") {
                          j2 = indices1[item1];
                          const err102 = { instancePath: instancePath + "/provider/env", schemaPath: "#/definitions/command/properties/env/uniqueItems", keyword: "uniqueItems", params: { i: i7, j: j2 }, message: "must NOT have duplicate items (items ## " + j2 + " and " + i7 + " are identical)" };
                          if (vErrors === null) {
                            vErrors = [err102];
                          } else {
                            vErrors.push(err102);
                          }
                          errors++;
                          break;
                        }
                        indices1[item1] = i7;
                      }
                    }
                  } else {
                    const err103 = { instancePath: instancePath + "/provider/env", schemaPath: "#/definitions/command/properties/env/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                      vErrors = [err103];
                    } else {
                      vErrors.push(err103);
                    }
                    errors++;
                  }
                }
                if (data1.timeout !== void 0) {
                  let data37 = data1.timeout;
                  if (!(typeof data37 == "number" && (!(data37 % 1) && !isNaN(data37)) && isFinite(data37))) {
                    const err104 = { instancePath: instancePath + "/provider/timeout", schemaPath: "#/definitions/command/properties/timeout/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                      vErrors = [err104];
                    } else {
                      vErrors.push(err104);
                    }
                    errors++;
                  }
                  if (typeof data37 == "number" && isFinite(data37)) {
                    if (data37 > 300 || isNaN(data37)) {
                      const err105 = { instancePath: instancePath + "/provider/timeout", schemaPath: "#/definitions/command/properties/timeout/maximum", keyword: "maximum", params: { comparison: "<=", limit: 300 }, message: "must be <= 300" };
                      if (vErrors === null) {
                        vErrors = [err105];
                      } else {
                        vErrors.push(err105);
                      }
                      errors++;
                    }
                    if (data37 < 1 || isNaN(data37)) {
                      const err106 = { instancePath: instancePath + "/provider/timeout", schemaPath: "#/definitions/command/properties/timeout/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                      if (vErrors === null) {
                        vErrors = [err106];
                      } else {
                        vErrors.push(err106);
                      }
                      errors++;
                    }
                  }
                }
              } else {
                const err107 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/command/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err107];
                } else {
                  vErrors.push(err107);
                }
                errors++;
              }
              var _valid1 = _errs86 === errors;
              if (_valid1 && valid3) {
                valid3 = false;
                passing0 = [passing0, 5];
              } else {
                if (_valid1) {
                  valid3 = true;
                  passing0 = 5;
                }
              }
            }
          }
        }
      }
      if (!valid3) {
        const err108 = { instancePath: instancePath + "/provider", schemaPath: "#/properties/provider/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
        if (vErrors === null) {
          vErrors = [err108];
        } else {
          vErrors.push(err108);
        }
        errors++;
      } else {
        errors = _errs11;
        if (vErrors !== null) {
          if (_errs11) {
            vErrors.length = _errs11;
          } else {
            vErrors = null;
          }
        }
      }
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        if (data1.type === void 0) {
          const err109 = { instancePath: instancePath + "/provider", schemaPath: "#/properties/provider/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'" };
          if (vErrors === null) {
            vErrors = [err109];
          } else {
            vErrors.push(err109);
          }
          errors++;
        }
        if (data1.type !== void 0) {
          let data38 = data1.type;
          if (!(data38 === "github-team" || data38 === "github-repo" || data38 === "github-org-role" || data38 === "postgres" || data38 === "ssh-certificate" || data38 === "command")) {
            const err110 = { instancePath: instancePath + "/provider/type", schemaPath: "#/properties/provider/properties/type/enum", keyword: "enum", params: { allowedValues: schema34.properties.provider.properties.type.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err110];
            } else {
              vErrors.push(err110);
            }
            errors++;
          }
        }
      } else {
        const err111 = { instancePath: instancePath + "/provider", schemaPath: "#/properties/provider/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err111];
        } else {
          vErrors.push(err111);
        }
        errors++;
      }
    }
    if (data.roles !== void 0) {
      let data39 = data.roles;
      if (Array.isArray(data39)) {
        if (data39.length < 1) {
          const err112 = { instancePath: instancePath + "/roles", schemaPath: "#/properties/roles/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err112];
          } else {
            vErrors.push(err112);
          }
          errors++;
        }
        const len5 = data39.length;
        for (let i8 = 0; i8 < len5; i8++) {
          let data40 = data39[i8];
          if (typeof data40 === "string") {
            if (!pattern41.test(data40)) {
              const err113 = { instancePath: instancePath + "/roles/" + i8, schemaPath: "#/properties/roles/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$"' };
              if (vErrors === null) {
                vErrors = [err113];
              } else {
                vErrors.push(err113);
              }
              errors++;
            }
          } else {
            const err114 = { instancePath: instancePath + "/roles/" + i8, schemaPath: "#/properties/roles/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err114];
            } else {
              vErrors.push(err114);
            }
            errors++;
          }
        }
        let i9 = data39.length;
        let j3;
        if (i9 > 1) {
          const indices2 = {};
          for (; i9--; ) {
            let item2 = data39[i9];
            if (typeof item2 !== "string") {
              continue;
            }
            if (typeof indices2[item2] == "number") {
              j3 = indices2[item2];
              const err115 = { instancePath: instancePath + "/roles", schemaPath: "#/properties/roles/uniqueItems", keyword: "uniqueItems", params: { i: i9, j: j3 }, message: "must NOT have duplicate items (items ## " + j3 + " and " + i9 + " are identical)" };
              if (vErrors === null) {
                vErrors = [err115];
              } else {
                vErrors.push(err115);
              }
              errors++;
              break;
            }
            indices2[item2] = i9;
          }
        }
      } else {
        const err116 = { instancePath: instancePath + "/roles", schemaPath: "#/properties/roles/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err116];
        } else {
          vErrors.push(err116);
        }
        errors++;
      }
    }
    if (data.approvers !== void 0) {
      let data41 = data.approvers;
      if (!validate12(data41, { instancePath: instancePath + "/approvers", parentData: data, parentDataProperty: "approvers", rootData })) {
        vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
        errors = vErrors.length;
      }
      if (Array.isArray(data41)) {
        if (data41.length < 1) {
          const err117 = { instancePath: instancePath + "/approvers", schemaPath: "#/properties/approvers/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err117];
          } else {
            vErrors.push(err117);
          }
          errors++;
        }
      } else {
        const err118 = { instancePath: instancePath + "/approvers", schemaPath: "#/properties/approvers/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err118];
        } else {
          vErrors.push(err118);
        }
        errors++;
      }
    }
    if (data.approvals !== void 0) {
      let data42 = data.approvals;
      if (Array.isArray(data42)) {
        if (data42.length < 1) {
          const err119 = { instancePath: instancePath + "/approvals", schemaPath: "#/properties/approvals/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err119];
          } else {
            vErrors.push(err119);
          }
          errors++;
        }
        const len6 = data42.length;
        for (let i10 = 0; i10 < len6; i10++) {
          if (!validate22(data42[i10], { instancePath: instancePath + "/approvals/" + i10, parentData: data42, parentDataProperty: i10, rootData })) {
            vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err120 = { instancePath: instancePath + "/approvals", schemaPath: "#/properties/approvals/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err120];
        } else {
          vErrors.push(err120);
        }
        errors++;
      }
    }
    if (data.autoApprove !== void 0) {
      let data44 = data.autoApprove;
      if (Array.isArray(data44)) {
        if (data44.length > 50) {
          const err121 = { instancePath: instancePath + "/autoApprove", schemaPath: "#/properties/autoApprove/maxItems", keyword: "maxItems", params: { limit: 50 }, message: "must NOT have more than 50 items" };
          if (vErrors === null) {
            vErrors = [err121];
          } else {
            vErrors.push(err121);
          }
          errors++;
        }
        const len7 = data44.length;
        for (let i11 = 0; i11 < len7; i11++) {
          if (!validate25(data44[i11], { instancePath: instancePath + "/autoApprove/" + i11, parentData: data44, parentDataProperty: i11, rootData })) {
            vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err122 = { instancePath: instancePath + "/autoApprove", schemaPath: "#/properties/autoApprove/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err122];
        } else {
          vErrors.push(err122);
        }
        errors++;
      }
    }
    if (data.standing !== void 0) {
      let data46 = data.standing;
      if (Array.isArray(data46)) {
        const len8 = data46.length;
        for (let i12 = 0; i12 < len8; i12++) {
          let data47 = data46[i12];
          if (data47 && typeof data47 == "object" && !Array.isArray(data47)) {
            if (data47.grantee === void 0) {
              const err123 = { instancePath: instancePath + "/standing/" + i12, schemaPath: "#/properties/standing/items/required", keyword: "required", params: { missingProperty: "grantee" }, message: "must have required property 'grantee'" };
              if (vErrors === null) {
                vErrors = [err123];
              } else {
                vErrors.push(err123);
              }
              errors++;
            }
            if (data47.role === void 0) {
              const err124 = { instancePath: instancePath + "/standing/" + i12, schemaPath: "#/properties/standing/items/required", keyword: "required", params: { missingProperty: "role" }, message: "must have required property 'role'" };
              if (vErrors === null) {
                vErrors = [err124];
              } else {
                vErrors.push(err124);
              }
              errors++;
            }
            for (const key12 in data47) {
              if (!(key12 === "grantee" || key12 === "role" || key12 === "reviewed" || key12 === "reviewEvery")) {
                const err125 = { instancePath: instancePath + "/standing/" + i12, schemaPath: "#/properties/standing/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err125];
                } else {
                  vErrors.push(err125);
                }
                errors++;
              }
            }
            if (data47.grantee !== void 0) {
              let data48 = data47.grantee;
              if (typeof data48 === "string") {
                if (!pattern0.test(data48)) {
                  const err126 = { instancePath: instancePath + "/standing/" + i12 + "/grantee", schemaPath: "#/properties/standing/items/properties/grantee/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?$"' };
                  if (vErrors === null) {
                    vErrors = [err126];
                  } else {
                    vErrors.push(err126);
                  }
                  errors++;
                }
              } else {
                const err127 = { instancePath: instancePath + "/standing/" + i12 + "/grantee", schemaPath: "#/properties/standing/items/properties/grantee/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err127];
                } else {
                  vErrors.push(err127);
                }
                errors++;
              }
            }
            if (data47.role !== void 0) {
              let data49 = data47.role;
              if (typeof data49 === "string") {
                if (func3(data49) < 1) {
                  const err128 = { instancePath: instancePath + "/standing/" + i12 + "/role", schemaPath: "#/properties/standing/items/properties/role/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err128];
                  } else {
                    vErrors.push(err128);
                  }
                  errors++;
                }
              } else {
                const err129 = { instancePath: instancePath + "/standing/" + i12 + "/role", schemaPath: "#/properties/standing/items/properties/role/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err129];
                } else {
                  vErrors.push(err129);
                }
                errors++;
              }
            }
            if (data47.reviewed !== void 0) {
              let data50 = data47.reviewed;
              if (typeof data50 === "string") {
                if (!pattern46.test(data50)) {
                  const err130 = { instancePath: instancePath + "/standing/" + i12 + "/reviewed", schemaPath: "#/properties/standing/items/properties/reviewed/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$" }, message: 'must match pattern "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$"' };
                  if (vErrors === null) {
                    vErrors = [err130];
                  } else {
                    vErrors.push(err130);
                  }
                  errors++;
                }
              } else {
                const err131 = { instancePath: instancePath + "/standing/" + i12 + "/reviewed", schemaPath: "#/properties/standing/items/properties/reviewed/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err131];
                } else {
                  vErrors.push(err131);
                }
                errors++;
              }
            }
            if (data47.reviewEvery !== void 0) {
              let data51 = data47.reviewEvery;
              if (typeof data51 === "string") {
                if (!pattern2.test(data51)) {
                  const err132 = { instancePath: instancePath + "/standing/" + i12 + "/reviewEvery", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
                  if (vErrors === null) {
                    vErrors = [err132];
                  } else {
                    vErrors.push(err132);
                  }
                  errors++;
                }
              } else {
                const err133 = { instancePath: instancePath + "/standing/" + i12 + "/reviewEvery", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err133];
                } else {
                  vErrors.push(err133);
                }
                errors++;
              }
            }
          } else {
            const err134 = { instancePath: instancePath + "/standing/" + i12, schemaPath: "#/properties/standing/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err134];
            } else {
              vErrors.push(err134);
            }
            errors++;
          }
        }
      } else {
        const err135 = { instancePath: instancePath + "/standing", schemaPath: "#/properties/standing/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err135];
        } else {
          vErrors.push(err135);
        }
        errors++;
      }
    }
    if (data.maxDuration !== void 0) {
      let data52 = data.maxDuration;
      if (typeof data52 === "string") {
        if (!pattern2.test(data52)) {
          const err136 = { instancePath: instancePath + "/maxDuration", schemaPath: "#/definitions/settings/properties/maxDuration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err136];
          } else {
            vErrors.push(err136);
          }
          errors++;
        }
      } else {
        const err137 = { instancePath: instancePath + "/maxDuration", schemaPath: "#/definitions/settings/properties/maxDuration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err137];
        } else {
          vErrors.push(err137);
        }
        errors++;
      }
    }
    if (data.requiredApprovals !== void 0) {
      let data53 = data.requiredApprovals;
      if (!(typeof data53 == "number" && (!(data53 % 1) && !isNaN(data53)) && isFinite(data53))) {
        const err138 = { instancePath: instancePath + "/requiredApprovals", schemaPath: "#/definitions/settings/properties/requiredApprovals/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err138];
        } else {
          vErrors.push(err138);
        }
        errors++;
      }
      if (typeof data53 == "number" && isFinite(data53)) {
        if (data53 > 20 || isNaN(data53)) {
          const err139 = { instancePath: instancePath + "/requiredApprovals", schemaPath: "#/definitions/settings/properties/requiredApprovals/maximum", keyword: "maximum", params: { comparison: "<=", limit: 20 }, message: "must be <= 20" };
          if (vErrors === null) {
            vErrors = [err139];
          } else {
            vErrors.push(err139);
          }
          errors++;
        }
        if (data53 < 1 || isNaN(data53)) {
          const err140 = { instancePath: instancePath + "/requiredApprovals", schemaPath: "#/definitions/settings/properties/requiredApprovals/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err140];
          } else {
            vErrors.push(err140);
          }
          errors++;
        }
      }
    }
    if (data.requesters !== void 0) {
      if (!validate28(data.requesters, { instancePath: instancePath + "/requesters", parentData: data, parentDataProperty: "requesters", rootData })) {
        vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
        errors = vErrors.length;
      }
    }
    if (data.requireTicket !== void 0) {
      if (typeof data.requireTicket !== "boolean") {
        const err141 = { instancePath: instancePath + "/requireTicket", schemaPath: "#/definitions/settings/properties/requireTicket/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err141];
        } else {
          vErrors.push(err141);
        }
        errors++;
      }
    }
    if (data.ticketPattern !== void 0) {
      let data56 = data.ticketPattern;
      if (typeof data56 === "string") {
        if (func3(data56) > 200) {
          const err142 = { instancePath: instancePath + "/ticketPattern", schemaPath: "#/definitions/settings/properties/ticketPattern/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters" };
          if (vErrors === null) {
            vErrors = [err142];
          } else {
            vErrors.push(err142);
          }
          errors++;
        }
        if (func3(data56) < 1) {
          const err143 = { instancePath: instancePath + "/ticketPattern", schemaPath: "#/definitions/settings/properties/ticketPattern/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err143];
          } else {
            vErrors.push(err143);
          }
          errors++;
        }
      } else {
        const err144 = { instancePath: instancePath + "/ticketPattern", schemaPath: "#/definitions/settings/properties/ticketPattern/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err144];
        } else {
          vErrors.push(err144);
        }
        errors++;
      }
    }
    if (data.minReasonLength !== void 0) {
      let data57 = data.minReasonLength;
      if (!(typeof data57 == "number" && (!(data57 % 1) && !isNaN(data57)) && isFinite(data57))) {
        const err145 = { instancePath: instancePath + "/minReasonLength", schemaPath: "#/definitions/settings/properties/minReasonLength/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err145];
        } else {
          vErrors.push(err145);
        }
        errors++;
      }
      if (typeof data57 == "number" && isFinite(data57)) {
        if (data57 > 1e3 || isNaN(data57)) {
          const err146 = { instancePath: instancePath + "/minReasonLength", schemaPath: "#/definitions/settings/properties/minReasonLength/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000" };
          if (vErrors === null) {
            vErrors = [err146];
          } else {
            vErrors.push(err146);
          }
          errors++;
        }
        if (data57 < 1 || isNaN(data57)) {
          const err147 = { instancePath: instancePath + "/minReasonLength", schemaPath: "#/definitions/settings/properties/minReasonLength/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err147];
          } else {
            vErrors.push(err147);
          }
          errors++;
        }
      }
    }
    if (data.schedule !== void 0) {
      let data58 = data.schedule;
      if (data58 && typeof data58 == "object" && !Array.isArray(data58)) {
        if (data58.timezone === void 0) {
          const err148 = { instancePath: instancePath + "/schedule", schemaPath: "#/definitions/settings/properties/schedule/required", keyword: "required", params: { missingProperty: "timezone" }, message: "must have required property 'timezone'" };
          if (vErrors === null) {
            vErrors = [err148];
          } else {
            vErrors.push(err148);
          }
          errors++;
        }
        if (data58.windows === void 0) {
          const err149 = { instancePath: instancePath + "/schedule", schemaPath: "#/definitions/settings/properties/schedule/required", keyword: "required", params: { missingProperty: "windows" }, message: "must have required property 'windows'" };
          if (vErrors === null) {
            vErrors = [err149];
          } else {
            vErrors.push(err149);
          }
          errors++;
        }
        for (const key13 in data58) {
          if (!(key13 === "timezone" || key13 === "windows")) {
            const err150 = { instancePath: instancePath + "/schedule", schemaPath: "#/definitions/settings/properties/schedule/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key13 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err150];
            } else {
              vErrors.push(err150);
            }
            errors++;
          }
        }
        if (data58.timezone !== void 0) {
          let data59 = data58.timezone;
          if (typeof data59 === "string") {
            if (func3(data59) < 1) {
              const err151 = { instancePath: instancePath + "/schedule/timezone", schemaPath: "#/definitions/settings/properties/schedule/properties/timezone/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err151];
              } else {
                vErrors.push(err151);
              }
              errors++;
            }
          } else {
            const err152 = { instancePath: instancePath + "/schedule/timezone", schemaPath: "#/definitions/settings/properties/schedule/properties/timezone/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err152];
            } else {
              vErrors.push(err152);
            }
            errors++;
          }
        }
        if (data58.windows !== void 0) {
          let data60 = data58.windows;
          if (Array.isArray(data60)) {
            if (data60.length < 1) {
              const err153 = { instancePath: instancePath + "/schedule/windows", schemaPath: "#/definitions/settings/properties/schedule/properties/windows/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
              if (vErrors === null) {
                vErrors = [err153];
              } else {
                vErrors.push(err153);
              }
              errors++;
            }
            const len9 = data60.length;
            for (let i13 = 0; i13 < len9; i13++) {
              let data61 = data60[i13];
              if (data61 && typeof data61 == "object" && !Array.isArray(data61)) {
                if (data61.days === void 0) {
                  const err154 = { instancePath: instancePath + "/schedule/windows/" + i13, schemaPath: "#/definitions/settings/properties/schedule/properties/windows/items/required", keyword: "required", params: { missingProperty: "days" }, message: "must have required property 'days'" };
                  if (vErrors === null) {
                    vErrors = [err154];
                  } else {
                    vErrors.push(err154);
                  }
                  errors++;
                }
                if (data61.hours === void 0) {
                  const err155 = { instancePath: instancePath + "/schedule/windows/" + i13, schemaPath: "#/definitions/settings/properties/schedule/properties/windows/items/required", keyword: "required", params: { missingProperty: "hours" }, message: "must have required property 'hours'" };
                  if (vErrors === null) {
                    vErrors = [err155];
                  } else {
                    vErrors.push(err155);
                  }
                  errors++;
                }
                for (const key14 in data61) {
                  if (!(key14 === "days" || key14 === "hours")) {
                    const err156 = { instancePath: instancePath + "/schedule/windows/" + i13, schemaPath: "#/definitions/settings/properties/schedule/properties/windows/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key14 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err156];
                    } else {
                      vErrors.push(err156);
                    }
                    errors++;
                  }
                }
                if (data61.days !== void 0) {
                  let data62 = data61.days;
                  if (Array.isArray(data62)) {
                    if (data62.length < 1) {
                      const err157 = { instancePath: instancePath + "/schedule/windows/" + i13 + "/days", schemaPath: "#/definitions/settings/properties/schedule/properties/windows/items/properties/days/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                      if (vErrors === null) {
                        vErrors = [err157];
                      } else {
                        vErrors.push(err157);
                      }
                      errors++;
                    }
                    const len10 = data62.length;
                    for (let i14 = 0; i14 < len10; i14++) {
                      let data63 = data62[i14];
                      if (!(data63 === "mon" || data63 === "tue" || data63 === "wed" || data63 === "thu" || data63 === "fri" || data63 === "sat" || data63 === "sun")) {
                        const err158 = { instancePath: instancePath + "/schedule/windows/" + i13 + "/days/" + i14, schemaPath: "#/definitions/settings/properties/schedule/properties/windows/items/properties/days/items/enum", keyword: "enum", params: { allowedValues: schema19.properties.windows.items.properties.days.items.enum }, message: "must be equal to one of the allowed values" };
                        if (vErrors === null) {
                          vErrors = [err158];
                        } else {
                          vErrors.push(err158);
                        }
                        errors++;
                      }
                    }
                    let i15 = data62.length;
                    let j4;
                    if (i15 > 1) {
                      outer1: for (; i15--; ) {
                        for (j4 = i15; j4--; ) {
                          if (func0(data62[i15], data62[j4])) {
                            const err159 = { instancePath: instancePath + "/schedule/windows/" + i13 + "/days", schemaPath: "#/definitions/settings/properties/schedule/properties/windows/items/properties/days/uniqueItems", keyword: "uniqueItems", params: { i: i15, j: j4 }, message: "must NOT have duplicate items (items ## " + j4 + " and " + i15 + " are identical)" };
                            if (vErrors === null) {
                              vErrors = [err159];
                            } else {
                              vErrors.push(err159);
                            }
                            errors++;
                            break outer1;
                          }
                        }
                      }
                    }
                  } else {
                    const err160 = { instancePath: instancePath + "/schedule/windows/" + i13 + "/days", schemaPath: "#/definitions/settings/properties/schedule/properties/windows/items/properties/days/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                      vErrors = [err160];
                    } else {
                      vErrors.push(err160);
                    }
                    errors++;
                  }
                }
                if (data61.hours !== void 0) {
                  let data64 = data61.hours;
                  if (typeof data64 === "string") {
                    if (!pattern9.test(data64)) {
                      const err161 = { instancePath: instancePath + "/schedule/windows/" + i13 + "/hours", schemaPath: "#/definitions/settings/properties/schedule/properties/windows/items/properties/hours/pattern", keyword: "pattern", params: { pattern: "^(?:[01]\\d|2[0-3]):[0-5]\\d-(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$" }, message: 'must match pattern "^(?:[01]\\d|2[0-3]):[0-5]\\d-(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$"' };
                      if (vErrors === null) {
                        vErrors = [err161];
                      } else {
                        vErrors.push(err161);
                      }
                      errors++;
                    }
                  } else {
                    const err162 = { instancePath: instancePath + "/schedule/windows/" + i13 + "/hours", schemaPath: "#/definitions/settings/properties/schedule/properties/windows/items/properties/hours/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err162];
                    } else {
                      vErrors.push(err162);
                    }
                    errors++;
                  }
                }
              } else {
                const err163 = { instancePath: instancePath + "/schedule/windows/" + i13, schemaPath: "#/definitions/settings/properties/schedule/properties/windows/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err163];
                } else {
                  vErrors.push(err163);
                }
                errors++;
              }
            }
          } else {
            const err164 = { instancePath: instancePath + "/schedule/windows", schemaPath: "#/definitions/settings/properties/schedule/properties/windows/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err164];
            } else {
              vErrors.push(err164);
            }
            errors++;
          }
        }
      } else {
        const err165 = { instancePath: instancePath + "/schedule", schemaPath: "#/definitions/settings/properties/schedule/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err165];
        } else {
          vErrors.push(err165);
        }
        errors++;
      }
    }
    if (data.maxScheduleAhead !== void 0) {
      let data65 = data.maxScheduleAhead;
      if (typeof data65 === "string") {
        if (!pattern2.test(data65)) {
          const err166 = { instancePath: instancePath + "/maxScheduleAhead", schemaPath: "#/definitions/settings/properties/maxScheduleAhead/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err166];
          } else {
            vErrors.push(err166);
          }
          errors++;
        }
      } else {
        const err167 = { instancePath: instancePath + "/maxScheduleAhead", schemaPath: "#/definitions/settings/properties/maxScheduleAhead/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err167];
        } else {
          vErrors.push(err167);
        }
        errors++;
      }
    }
    if (data.maxExtensions !== void 0) {
      let data66 = data.maxExtensions;
      if (!(typeof data66 == "number" && (!(data66 % 1) && !isNaN(data66)) && isFinite(data66))) {
        const err168 = { instancePath: instancePath + "/maxExtensions", schemaPath: "#/definitions/settings/properties/maxExtensions/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err168];
        } else {
          vErrors.push(err168);
        }
        errors++;
      }
      if (typeof data66 == "number" && isFinite(data66)) {
        if (data66 > 100 || isNaN(data66)) {
          const err169 = { instancePath: instancePath + "/maxExtensions", schemaPath: "#/definitions/settings/properties/maxExtensions/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100" };
          if (vErrors === null) {
            vErrors = [err169];
          } else {
            vErrors.push(err169);
          }
          errors++;
        }
        if (data66 < 0 || isNaN(data66)) {
          const err170 = { instancePath: instancePath + "/maxExtensions", schemaPath: "#/definitions/settings/properties/maxExtensions/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err170];
          } else {
            vErrors.push(err170);
          }
          errors++;
        }
      }
    }
    if (data.maxTotalDuration !== void 0) {
      let data67 = data.maxTotalDuration;
      if (typeof data67 === "string") {
        if (!pattern2.test(data67)) {
          const err171 = { instancePath: instancePath + "/maxTotalDuration", schemaPath: "#/definitions/settings/properties/maxTotalDuration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err171];
          } else {
            vErrors.push(err171);
          }
          errors++;
        }
      } else {
        const err172 = { instancePath: instancePath + "/maxTotalDuration", schemaPath: "#/definitions/settings/properties/maxTotalDuration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err172];
        } else {
          vErrors.push(err172);
        }
        errors++;
      }
    }
    if (data.allowRequestFor !== void 0) {
      if (!validate30(data.allowRequestFor, { instancePath: instancePath + "/allowRequestFor", parentData: data, parentDataProperty: "allowRequestFor", rootData })) {
        vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
        errors = vErrors.length;
      }
    }
    if (data.breakGlass !== void 0) {
      if (!validate33(data.breakGlass, { instancePath: instancePath + "/breakGlass", parentData: data, parentDataProperty: "breakGlass", rootData })) {
        vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
        errors = vErrors.length;
      }
    }
    if (data.mode !== void 0) {
      let data70 = data.mode;
      if (!(data70 === "exclusive" || data70 === "additive")) {
        const err173 = { instancePath: instancePath + "/mode", schemaPath: "#/definitions/settings/properties/mode/enum", keyword: "enum", params: { allowedValues: schema62.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err173];
        } else {
          vErrors.push(err173);
        }
        errors++;
      }
    }
    if (data.revocation !== void 0) {
      let data71 = data.revocation;
      if (!(data71 === "sweep" || data71 === "timer")) {
        const err174 = { instancePath: instancePath + "/revocation", schemaPath: "#/definitions/settings/properties/revocation/enum", keyword: "enum", params: { allowedValues: schema63.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err174];
        } else {
          vErrors.push(err174);
        }
        errors++;
      }
    }
    if (data.remindBefore !== void 0) {
      let data72 = data.remindBefore;
      if (typeof data72 === "string") {
        if (!pattern2.test(data72)) {
          const err175 = { instancePath: instancePath + "/remindBefore", schemaPath: "#/definitions/settings/properties/remindBefore/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
          if (vErrors === null) {
            vErrors = [err175];
          } else {
            vErrors.push(err175);
          }
          errors++;
        }
      } else {
        const err176 = { instancePath: instancePath + "/remindBefore", schemaPath: "#/definitions/settings/properties/remindBefore/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err176];
        } else {
          vErrors.push(err176);
        }
        errors++;
      }
    }
    if (data.extendAfter !== void 0) {
      let data73 = data.extendAfter;
      if (typeof data73 == "number" && isFinite(data73)) {
        if (data73 > 1 || isNaN(data73)) {
          const err177 = { instancePath: instancePath + "/extendAfter", schemaPath: "#/definitions/settings/properties/extendAfter/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1" };
          if (vErrors === null) {
            vErrors = [err177];
          } else {
            vErrors.push(err177);
          }
          errors++;
        }
        if (data73 < 0 || isNaN(data73)) {
          const err178 = { instancePath: instancePath + "/extendAfter", schemaPath: "#/definitions/settings/properties/extendAfter/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err178];
          } else {
            vErrors.push(err178);
          }
          errors++;
        }
      } else {
        const err179 = { instancePath: instancePath + "/extendAfter", schemaPath: "#/definitions/settings/properties/extendAfter/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err179];
        } else {
          vErrors.push(err179);
        }
        errors++;
      }
    }
    if (data.requireTwoFactor !== void 0) {
      if (typeof data.requireTwoFactor !== "boolean") {
        const err180 = { instancePath: instancePath + "/requireTwoFactor", schemaPath: "#/definitions/settings/properties/requireTwoFactor/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err180];
        } else {
          vErrors.push(err180);
        }
        errors++;
      }
    }
  } else {
    const err181 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err181];
    } else {
      vErrors.push(err181);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
var pattern7 = new RegExp("^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?|@[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}/[A-Za-z0-9][A-Za-z0-9._-]{0,99})$", "u");
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.admins === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "admins" }, message: "must have required property 'admins'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.resources === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "resources" }, message: "must have required property 'resources'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "admins" || key0 === "groups" || key0 === "defaults" || key0 === "reviews" || key0 === "anomalies" || key0 === "reconcile" || key0 === "resources")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      if (1 !== data.version) {
        const err4 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.admins !== void 0) {
      let data1 = data.admins;
      if (!validate12(data1, { instancePath: instancePath + "/admins", parentData: data, parentDataProperty: "admins", rootData })) {
        vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
        errors = vErrors.length;
      }
      if (Array.isArray(data1)) {
        if (data1.length < 1) {
          const err5 = { instancePath: instancePath + "/admins", schemaPath: "#/properties/admins/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/admins", schemaPath: "#/properties/admins/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.groups !== void 0) {
      let data2 = data.groups;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        for (const key1 in data2) {
          const _errs7 = errors;
          if (typeof key1 === "string") {
            if (!pattern1.test(key1)) {
              const err7 = { instancePath: instancePath + "/groups", schemaPath: "#/definitions/id/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9-]{0,62}$"', propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/groups", schemaPath: "#/definitions/id/type", keyword: "type", params: { type: "string" }, message: "must be string", propertyName: key1 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
          var valid1 = _errs7 === errors;
          if (!valid1) {
            const err9 = { instancePath: instancePath + "/groups", schemaPath: "#/properties/groups/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid" };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        for (const key2 in data2) {
          let data3 = data2[key2];
          if (Array.isArray(data3)) {
            if (data3.length < 1) {
              const err10 = { instancePath: instancePath + "/groups/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/groups/additionalProperties/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
            const len0 = data3.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data4 = data3[i0];
              if (typeof data4 === "string") {
                if (!pattern7.test(data4)) {
                  const err11 = { instancePath: instancePath + "/groups/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i0, schemaPath: "#/definitions/directRef/pattern", keyword: "pattern", params: { pattern: "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?|@[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}/[A-Za-z0-9][A-Za-z0-9._-]{0,99})$" }, message: 'must match pattern "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\\[bot\\])?|@[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}/[A-Za-z0-9][A-Za-z0-9._-]{0,99})$"' };
                  if (vErrors === null) {
                    vErrors = [err11];
                  } else {
                    vErrors.push(err11);
                  }
                  errors++;
                }
              } else {
                const err12 = { instancePath: instancePath + "/groups/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i0, schemaPath: "#/definitions/directRef/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            let i1 = data3.length;
            let j0;
            if (i1 > 1) {
              outer0: for (; i1--; ) {
                for (j0 = i1; j0--; ) {
                  if (func0(data3[i1], data3[j0])) {
                    const err13 = { instancePath: instancePath + "/groups/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/groups/additionalProperties/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)" };
                    if (vErrors === null) {
                      vErrors = [err13];
                    } else {
                      vErrors.push(err13);
                    }
                    errors++;
                    break outer0;
                  }
                }
              }
            }
          } else {
            const err14 = { instancePath: instancePath + "/groups/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/groups/additionalProperties/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/groups", schemaPath: "#/properties/groups/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.defaults !== void 0) {
      if (!validate14(data.defaults, { instancePath: instancePath + "/defaults", parentData: data, parentDataProperty: "defaults", rootData })) {
        vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
        errors = vErrors.length;
      }
    }
    if (data.reviews !== void 0) {
      let data6 = data.reviews;
      if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
        for (const key3 in data6) {
          if (!(key3 === "every")) {
            const err16 = { instancePath: instancePath + "/reviews", schemaPath: "#/properties/reviews/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data6.every !== void 0) {
          let data7 = data6.every;
          if (typeof data7 === "string") {
            if (!pattern2.test(data7)) {
              const err17 = { instancePath: instancePath + "/reviews/every", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          } else {
            const err18 = { instancePath: instancePath + "/reviews/every", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = { instancePath: instancePath + "/reviews", schemaPath: "#/properties/reviews/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.anomalies !== void 0) {
      let data8 = data.anomalies;
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        for (const key4 in data8) {
          if (!(key4 === "frequentElevation" || key4 === "approverConcentration" || key4 === "breakGlassFrequency" || key4 === "longTotal")) {
            const err20 = { instancePath: instancePath + "/anomalies", schemaPath: "#/properties/anomalies/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data8.frequentElevation !== void 0) {
          let data9 = data8.frequentElevation;
          if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
            for (const key5 in data9) {
              if (!(key5 === "enabled" || key5 === "days" || key5 === "window")) {
                const err21 = { instancePath: instancePath + "/anomalies/frequentElevation", schemaPath: "#/properties/anomalies/properties/frequentElevation/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err21];
                } else {
                  vErrors.push(err21);
                }
                errors++;
              }
            }
            if (data9.enabled !== void 0) {
              if (typeof data9.enabled !== "boolean") {
                const err22 = { instancePath: instancePath + "/anomalies/frequentElevation/enabled", schemaPath: "#/properties/anomalies/properties/frequentElevation/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
            if (data9.days !== void 0) {
              let data11 = data9.days;
              if (!(typeof data11 == "number" && (!(data11 % 1) && !isNaN(data11)) && isFinite(data11))) {
                const err23 = { instancePath: instancePath + "/anomalies/frequentElevation/days", schemaPath: "#/properties/anomalies/properties/frequentElevation/properties/days/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err23];
                } else {
                  vErrors.push(err23);
                }
                errors++;
              }
              if (typeof data11 == "number" && isFinite(data11)) {
                if (data11 > 366 || isNaN(data11)) {
                  const err24 = { instancePath: instancePath + "/anomalies/frequentElevation/days", schemaPath: "#/properties/anomalies/properties/frequentElevation/properties/days/maximum", keyword: "maximum", params: { comparison: "<=", limit: 366 }, message: "must be <= 366" };
                  if (vErrors === null) {
                    vErrors = [err24];
                  } else {
                    vErrors.push(err24);
                  }
                  errors++;
                }
                if (data11 < 1 || isNaN(data11)) {
                  const err25 = { instancePath: instancePath + "/anomalies/frequentElevation/days", schemaPath: "#/properties/anomalies/properties/frequentElevation/properties/days/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                  if (vErrors === null) {
                    vErrors = [err25];
                  } else {
                    vErrors.push(err25);
                  }
                  errors++;
                }
              }
            }
            if (data9.window !== void 0) {
              let data12 = data9.window;
              if (typeof data12 === "string") {
                if (!pattern2.test(data12)) {
                  const err26 = { instancePath: instancePath + "/anomalies/frequentElevation/window", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
                  if (vErrors === null) {
                    vErrors = [err26];
                  } else {
                    vErrors.push(err26);
                  }
                  errors++;
                }
              } else {
                const err27 = { instancePath: instancePath + "/anomalies/frequentElevation/window", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
          } else {
            const err28 = { instancePath: instancePath + "/anomalies/frequentElevation", schemaPath: "#/properties/anomalies/properties/frequentElevation/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        if (data8.approverConcentration !== void 0) {
          let data13 = data8.approverConcentration;
          if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
            for (const key6 in data13) {
              if (!(key6 === "enabled" || key6 === "share" || key6 === "minLeases" || key6 === "window")) {
                const err29 = { instancePath: instancePath + "/anomalies/approverConcentration", schemaPath: "#/properties/anomalies/properties/approverConcentration/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data13.enabled !== void 0) {
              if (typeof data13.enabled !== "boolean") {
                const err30 = { instancePath: instancePath + "/anomalies/approverConcentration/enabled", schemaPath: "#/properties/anomalies/properties/approverConcentration/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              }
            }
            if (data13.share !== void 0) {
              let data15 = data13.share;
              if (typeof data15 == "number" && isFinite(data15)) {
                if (data15 > 1 || isNaN(data15)) {
                  const err31 = { instancePath: instancePath + "/anomalies/approverConcentration/share", schemaPath: "#/properties/anomalies/properties/approverConcentration/properties/share/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1" };
                  if (vErrors === null) {
                    vErrors = [err31];
                  } else {
                    vErrors.push(err31);
                  }
                  errors++;
                }
                if (data15 <= 0 || isNaN(data15)) {
                  const err32 = { instancePath: instancePath + "/anomalies/approverConcentration/share", schemaPath: "#/properties/anomalies/properties/approverConcentration/properties/share/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
              } else {
                const err33 = { instancePath: instancePath + "/anomalies/approverConcentration/share", schemaPath: "#/properties/anomalies/properties/approverConcentration/properties/share/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
            if (data13.minLeases !== void 0) {
              let data16 = data13.minLeases;
              if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
                const err34 = { instancePath: instancePath + "/anomalies/approverConcentration/minLeases", schemaPath: "#/properties/anomalies/properties/approverConcentration/properties/minLeases/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
              if (typeof data16 == "number" && isFinite(data16)) {
                if (data16 > 1e5 || isNaN(data16)) {
                  const err35 = { instancePath: instancePath + "/anomalies/approverConcentration/minLeases", schemaPath: "#/properties/anomalies/properties/approverConcentration/properties/minLeases/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e5 }, message: "must be <= 100000" };
                  if (vErrors === null) {
                    vErrors = [err35];
                  } else {
                    vErrors.push(err35);
                  }
                  errors++;
                }
                if (data16 < 1 || isNaN(data16)) {
                  const err36 = { instancePath: instancePath + "/anomalies/approverConcentration/minLeases", schemaPath: "#/properties/anomalies/properties/approverConcentration/properties/minLeases/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                  if (vErrors === null) {
                    vErrors = [err36];
                  } else {
                    vErrors.push(err36);
                  }
                  errors++;
                }
              }
            }
            if (data13.window !== void 0) {
              let data17 = data13.window;
              if (typeof data17 === "string") {
                if (!pattern2.test(data17)) {
                  const err37 = { instancePath: instancePath + "/anomalies/approverConcentration/window", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
                  if (vErrors === null) {
                    vErrors = [err37];
                  } else {
                    vErrors.push(err37);
                  }
                  errors++;
                }
              } else {
                const err38 = { instancePath: instancePath + "/anomalies/approverConcentration/window", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err38];
                } else {
                  vErrors.push(err38);
                }
                errors++;
              }
            }
          } else {
            const err39 = { instancePath: instancePath + "/anomalies/approverConcentration", schemaPath: "#/properties/anomalies/properties/approverConcentration/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err39];
            } else {
              vErrors.push(err39);
            }
            errors++;
          }
        }
        if (data8.breakGlassFrequency !== void 0) {
          let data18 = data8.breakGlassFrequency;
          if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
            for (const key7 in data18) {
              if (!(key7 === "enabled" || key7 === "max" || key7 === "window")) {
                const err40 = { instancePath: instancePath + "/anomalies/breakGlassFrequency", schemaPath: "#/properties/anomalies/properties/breakGlassFrequency/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err40];
                } else {
                  vErrors.push(err40);
                }
                errors++;
              }
            }
            if (data18.enabled !== void 0) {
              if (typeof data18.enabled !== "boolean") {
                const err41 = { instancePath: instancePath + "/anomalies/breakGlassFrequency/enabled", schemaPath: "#/properties/anomalies/properties/breakGlassFrequency/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
            }
            if (data18.max !== void 0) {
              let data20 = data18.max;
              if (!(typeof data20 == "number" && (!(data20 % 1) && !isNaN(data20)) && isFinite(data20))) {
                const err42 = { instancePath: instancePath + "/anomalies/breakGlassFrequency/max", schemaPath: "#/properties/anomalies/properties/breakGlassFrequency/properties/max/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors++;
              }
              if (typeof data20 == "number" && isFinite(data20)) {
                if (data20 > 1e5 || isNaN(data20)) {
                  const err43 = { instancePath: instancePath + "/anomalies/breakGlassFrequency/max", schemaPath: "#/properties/anomalies/properties/breakGlassFrequency/properties/max/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e5 }, message: "must be <= 100000" };
                  if (vErrors === null) {
                    vErrors = [err43];
                  } else {
                    vErrors.push(err43);
                  }
                  errors++;
                }
                if (data20 < 0 || isNaN(data20)) {
                  const err44 = { instancePath: instancePath + "/anomalies/breakGlassFrequency/max", schemaPath: "#/properties/anomalies/properties/breakGlassFrequency/properties/max/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err44];
                  } else {
                    vErrors.push(err44);
                  }
                  errors++;
                }
              }
            }
            if (data18.window !== void 0) {
              let data21 = data18.window;
              if (typeof data21 === "string") {
                if (!pattern2.test(data21)) {
                  const err45 = { instancePath: instancePath + "/anomalies/breakGlassFrequency/window", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
                  if (vErrors === null) {
                    vErrors = [err45];
                  } else {
                    vErrors.push(err45);
                  }
                  errors++;
                }
              } else {
                const err46 = { instancePath: instancePath + "/anomalies/breakGlassFrequency/window", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err46];
                } else {
                  vErrors.push(err46);
                }
                errors++;
              }
            }
          } else {
            const err47 = { instancePath: instancePath + "/anomalies/breakGlassFrequency", schemaPath: "#/properties/anomalies/properties/breakGlassFrequency/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err47];
            } else {
              vErrors.push(err47);
            }
            errors++;
          }
        }
        if (data8.longTotal !== void 0) {
          let data22 = data8.longTotal;
          if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
            for (const key8 in data22) {
              if (!(key8 === "enabled" || key8 === "perMonth")) {
                const err48 = { instancePath: instancePath + "/anomalies/longTotal", schemaPath: "#/properties/anomalies/properties/longTotal/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
            }
            if (data22.enabled !== void 0) {
              if (typeof data22.enabled !== "boolean") {
                const err49 = { instancePath: instancePath + "/anomalies/longTotal/enabled", schemaPath: "#/properties/anomalies/properties/longTotal/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors++;
              }
            }
            if (data22.perMonth !== void 0) {
              let data24 = data22.perMonth;
              if (typeof data24 === "string") {
                if (!pattern2.test(data24)) {
                  const err50 = { instancePath: instancePath + "/anomalies/longTotal/perMonth", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
                  if (vErrors === null) {
                    vErrors = [err50];
                  } else {
                    vErrors.push(err50);
                  }
                  errors++;
                }
              } else {
                const err51 = { instancePath: instancePath + "/anomalies/longTotal/perMonth", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err51];
                } else {
                  vErrors.push(err51);
                }
                errors++;
              }
            }
          } else {
            const err52 = { instancePath: instancePath + "/anomalies/longTotal", schemaPath: "#/properties/anomalies/properties/longTotal/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err52];
            } else {
              vErrors.push(err52);
            }
            errors++;
          }
        }
      } else {
        const err53 = { instancePath: instancePath + "/anomalies", schemaPath: "#/properties/anomalies/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err53];
        } else {
          vErrors.push(err53);
        }
        errors++;
      }
    }
    if (data.reconcile !== void 0) {
      let data25 = data.reconcile;
      if (data25 && typeof data25 == "object" && !Array.isArray(data25)) {
        for (const key9 in data25) {
          if (!(key9 === "driftBound" || key9 === "sweepEvery")) {
            const err54 = { instancePath: instancePath + "/reconcile", schemaPath: "#/properties/reconcile/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
        }
        if (data25.driftBound !== void 0) {
          let data26 = data25.driftBound;
          if (typeof data26 === "string") {
            if (!pattern2.test(data26)) {
              const err55 = { instancePath: instancePath + "/reconcile/driftBound", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
              if (vErrors === null) {
                vErrors = [err55];
              } else {
                vErrors.push(err55);
              }
              errors++;
            }
          } else {
            const err56 = { instancePath: instancePath + "/reconcile/driftBound", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err56];
            } else {
              vErrors.push(err56);
            }
            errors++;
          }
        }
        if (data25.sweepEvery !== void 0) {
          let data27 = data25.sweepEvery;
          if (typeof data27 === "string") {
            if (!pattern2.test(data27)) {
              const err57 = { instancePath: instancePath + "/reconcile/sweepEvery", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$" }, message: 'must match pattern "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?$"' };
              if (vErrors === null) {
                vErrors = [err57];
              } else {
                vErrors.push(err57);
              }
              errors++;
            }
          } else {
            const err58 = { instancePath: instancePath + "/reconcile/sweepEvery", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err58];
            } else {
              vErrors.push(err58);
            }
            errors++;
          }
        }
      } else {
        const err59 = { instancePath: instancePath + "/reconcile", schemaPath: "#/properties/reconcile/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err59];
        } else {
          vErrors.push(err59);
        }
        errors++;
      }
    }
    if (data.resources !== void 0) {
      let data28 = data.resources;
      if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
        if (Object.keys(data28).length < 1) {
          const err60 = { instancePath: instancePath + "/resources", schemaPath: "#/properties/resources/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
          if (vErrors === null) {
            vErrors = [err60];
          } else {
            vErrors.push(err60);
          }
          errors++;
        }
        for (const key10 in data28) {
          const _errs77 = errors;
          if (typeof key10 === "string") {
            if (!pattern1.test(key10)) {
              const err61 = { instancePath: instancePath + "/resources", schemaPath: "#/definitions/id/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9-]{0,62}$"', propertyName: key10 };
              if (vErrors === null) {
                vErrors = [err61];
              } else {
                vErrors.push(err61);
              }
              errors++;
            }
          } else {
            const err62 = { instancePath: instancePath + "/resources", schemaPath: "#/definitions/id/type", keyword: "type", params: { type: "string" }, message: "must be string", propertyName: key10 };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
          var valid22 = _errs77 === errors;
          if (!valid22) {
            const err63 = { instancePath: instancePath + "/resources", schemaPath: "#/properties/resources/propertyNames", keyword: "propertyNames", params: { propertyName: key10 }, message: "property name must be valid" };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
        }
        for (const key11 in data28) {
          if (!validate20(data28[key11], { instancePath: instancePath + "/resources/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data28, parentDataProperty: key11, rootData })) {
            vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err64 = { instancePath: instancePath + "/resources", schemaPath: "#/properties/resources/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err64];
        } else {
          vErrors.push(err64);
        }
        errors++;
      }
    }
  } else {
    const err65 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err65];
    } else {
      vErrors.push(err65);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
var commandReply = validate37;
var schema68 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://jit-access.dev/schemas/command-reply.v1.schema.json", "title": "jit-access command provider: reply (v1)", "description": "What a command writes to its standard output: one JSON document. list answers with grants, every other action with a status.", "oneOf": [{ "type": "object", "additionalProperties": false, "required": ["grants"], "properties": { "grants": { "description": "list: every grant on the resource that the command manages.", "type": "array", "maxItems": 1e5, "items": { "type": "object", "additionalProperties": false, "required": ["grantee", "role"], "properties": { "grantee": { "description": "The GitHub login.", "type": "string", "minLength": 1, "maxLength": 100 }, "role": { "type": "string", "minLength": 1, "maxLength": 100 }, "state": { "description": "pending: asked but not in effect yet (default active).", "enum": ["active", "pending"] }, "handle": { "description": "Anything the command needs to revoke this grant; given back in the revoke request.", "type": "string", "maxLength": 1e3 } } } } } }, { "type": "object", "additionalProperties": false, "required": ["status"], "properties": { "status": { "description": "grant: granted, unchanged, invited or failed; revoke: revoked, unchanged or failed; change-role: granted, unchanged or failed.", "enum": ["granted", "revoked", "unchanged", "invited", "failed"] }, "code": { "description": "failed: a stable code for the failure.", "type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,62}$" }, "message": { "description": "What happened, for the run's report (never a secret).", "type": "string", "maxLength": 2e3 }, "handle": { "description": "invited: the handle of the invitation.", "type": "string", "maxLength": 1e3 } } }] };
function validate37(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.grants === void 0) {
      const err0 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "grants" }, message: "must have required property 'grants'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "grants")) {
        const err1 = { instancePath, schemaPath: "#/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.grants !== void 0) {
      let data0 = data.grants;
      if (Array.isArray(data0)) {
        if (data0.length > 1e5) {
          const err2 = { instancePath: instancePath + "/grants", schemaPath: "#/oneOf/0/properties/grants/maxItems", keyword: "maxItems", params: { limit: 1e5 }, message: "must NOT have more than 100000 items" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.grantee === void 0) {
              const err3 = { instancePath: instancePath + "/grants/" + i0, schemaPath: "#/oneOf/0/properties/grants/items/required", keyword: "required", params: { missingProperty: "grantee" }, message: "must have required property 'grantee'" };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
            if (data1.role === void 0) {
              const err4 = { instancePath: instancePath + "/grants/" + i0, schemaPath: "#/oneOf/0/properties/grants/items/required", keyword: "required", params: { missingProperty: "role" }, message: "must have required property 'role'" };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
            for (const key1 in data1) {
              if (!(key1 === "grantee" || key1 === "role" || key1 === "state" || key1 === "handle")) {
                const err5 = { instancePath: instancePath + "/grants/" + i0, schemaPath: "#/oneOf/0/properties/grants/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
            if (data1.grantee !== void 0) {
              let data2 = data1.grantee;
              if (typeof data2 === "string") {
                if (func3(data2) > 100) {
                  const err6 = { instancePath: instancePath + "/grants/" + i0 + "/grantee", schemaPath: "#/oneOf/0/properties/grants/items/properties/grantee/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters" };
                  if (vErrors === null) {
                    vErrors = [err6];
                  } else {
                    vErrors.push(err6);
                  }
                  errors++;
                }
                if (func3(data2) < 1) {
                  const err7 = { instancePath: instancePath + "/grants/" + i0 + "/grantee", schemaPath: "#/oneOf/0/properties/grants/items/properties/grantee/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err7];
                  } else {
                    vErrors.push(err7);
                  }
                  errors++;
                }
              } else {
                const err8 = { instancePath: instancePath + "/grants/" + i0 + "/grantee", schemaPath: "#/oneOf/0/properties/grants/items/properties/grantee/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data1.role !== void 0) {
              let data3 = data1.role;
              if (typeof data3 === "string") {
                if (func3(data3) > 100) {
                  const err9 = { instancePath: instancePath + "/grants/" + i0 + "/role", schemaPath: "#/oneOf/0/properties/grants/items/properties/role/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters" };
                  if (vErrors === null) {
                    vErrors = [err9];
                  } else {
                    vErrors.push(err9);
                  }
                  errors++;
                }
                if (func3(data3) < 1) {
                  const err10 = { instancePath: instancePath + "/grants/" + i0 + "/role", schemaPath: "#/oneOf/0/properties/grants/items/properties/role/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err10];
                  } else {
                    vErrors.push(err10);
                  }
                  errors++;
                }
              } else {
                const err11 = { instancePath: instancePath + "/grants/" + i0 + "/role", schemaPath: "#/oneOf/0/properties/grants/items/properties/role/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
            if (data1.state !== void 0) {
              let data4 = data1.state;
              if (!(data4 === "active" || data4 === "pending")) {
                const err12 = { instancePath: instancePath + "/grants/" + i0 + "/state", schemaPath: "#/oneOf/0/properties/grants/items/properties/state/enum", keyword: "enum", params: { allowedValues: schema68.oneOf[0].properties.grants.items.properties.state.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            if (data1.handle !== void 0) {
              let data5 = data1.handle;
              if (typeof data5 === "string") {
                if (func3(data5) > 1e3) {
                  const err13 = { instancePath: instancePath + "/grants/" + i0 + "/handle", schemaPath: "#/oneOf/0/properties/grants/items/properties/handle/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters" };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors++;
                }
              } else {
                const err14 = { instancePath: instancePath + "/grants/" + i0 + "/handle", schemaPath: "#/oneOf/0/properties/grants/items/properties/handle/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
          } else {
            const err15 = { instancePath: instancePath + "/grants/" + i0, schemaPath: "#/oneOf/0/properties/grants/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/grants", schemaPath: "#/oneOf/0/properties/grants/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs16 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.status === void 0) {
      const err18 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property 'status'" };
      if (vErrors === null) {
        vErrors = [err18];
      } else {
        vErrors.push(err18);
      }
      errors++;
    }
    for (const key2 in data) {
      if (!(key2 === "status" || key2 === "code" || key2 === "message" || key2 === "handle")) {
        const err19 = { instancePath, schemaPath: "#/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.status !== void 0) {
      let data6 = data.status;
      if (!(data6 === "granted" || data6 === "revoked" || data6 === "unchanged" || data6 === "invited" || data6 === "failed")) {
        const err20 = { instancePath: instancePath + "/status", schemaPath: "#/oneOf/1/properties/status/enum", keyword: "enum", params: { allowedValues: schema68.oneOf[1].properties.status.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.code !== void 0) {
      let data7 = data.code;
      if (typeof data7 === "string") {
        if (!pattern1.test(data7)) {
          const err21 = { instancePath: instancePath + "/code", schemaPath: "#/oneOf/1/properties/code/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9-]{0,62}$"' };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      } else {
        const err22 = { instancePath: instancePath + "/code", schemaPath: "#/oneOf/1/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.message !== void 0) {
      let data8 = data.message;
      if (typeof data8 === "string") {
        if (func3(data8) > 2e3) {
          const err23 = { instancePath: instancePath + "/message", schemaPath: "#/oneOf/1/properties/message/maxLength", keyword: "maxLength", params: { limit: 2e3 }, message: "must NOT have more than 2000 characters" };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
      } else {
        const err24 = { instancePath: instancePath + "/message", schemaPath: "#/oneOf/1/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
    if (data.handle !== void 0) {
      let data9 = data.handle;
      if (typeof data9 === "string") {
        if (func3(data9) > 1e3) {
          const err25 = { instancePath: instancePath + "/handle", schemaPath: "#/oneOf/1/properties/handle/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters" };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      } else {
        const err26 = { instancePath: instancePath + "/handle", schemaPath: "#/oneOf/1/properties/handle/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
  } else {
    const err27 = { instancePath, schemaPath: "#/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err27];
    } else {
      vErrors.push(err27);
    }
    errors++;
  }
  var _valid0 = _errs16 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
  }
  if (!valid0) {
    const err28 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
    if (vErrors === null) {
      vErrors = [err28];
    } else {
      vErrors.push(err28);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate37.errors = vErrors;
  return errors === 0;
}

export {
  lease,
  policy,
  commandReply,
  POSTGRES_NAME,
  SSH_PRINCIPAL,
  COMMAND_ENV_REFUSED,
  ANOMALY_DEFAULTS,
  BUILT_IN_DEFAULTS,
  issuesCredentials,
  resourceOrg,
  targetKey
};
