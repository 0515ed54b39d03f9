// Generated with validators.js. Standalone ajv validators for the lease, policy and command provider schemas.
import type { ValidateFunction } from "ajv";
export declare const lease: ValidateFunction;
export declare const policy: ValidateFunction;
export declare const commandRequest: ValidateFunction;
export declare const commandReply: ValidateFunction;
