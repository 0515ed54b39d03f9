// Generated with validators.js. Standalone ajv validators for the lease and policy schemas.
import type { ValidateFunction } from "ajv";
export declare const lease: ValidateFunction;
export declare const policy: ValidateFunction;
