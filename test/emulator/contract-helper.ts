/**
 * Test helper: an emulator whose every response is checked against GitHub's
 * OpenAPI description. `close()` throws when any exchange violated it.
 *
 *   const emu = await startCheckedEmulator();
 *   ...
 *   await emu.close(); // throws if any contract violation
 */
import type { ContractValidator, ContractValidatorOptions, ContractViolation } from "../../src/emulator/contract.js";
import { createContractValidator } from "../../src/emulator/contract.js";
import type { Emulator, EmulatorOptions } from "../../src/emulator/index.js";
import { startEmulator } from "../../src/emulator/index.js";

let shared: ContractValidator | undefined;

/** One validator per test file (loading the description takes about a second). */
export function contractValidator(): ContractValidator {
  shared ??= createContractValidator();
  return shared;
}

export interface CheckedEmulator extends Emulator {
  /** violations seen so far */
  readonly violations: ContractViolation[];
  /** returns and forgets the violations seen so far (for tests that provoke them) */
  takeViolations(): ContractViolation[];
  /** throws when there are violations */
  assertNoViolations(): void;
  /** stops the emulator, then throws when there were violations */
  close(): Promise<void>;
}

export function formatViolations(violations: ContractViolation[]): string {
  return violations.map((v) => `- [${v.kind}] ${v.message}`).join("\n");
}

export async function startCheckedEmulator(
  opts: EmulatorOptions = {},
  contract: ContractValidatorOptions & { validator?: ContractValidator } = {},
): Promise<CheckedEmulator> {
  const validator = contract.validator ?? (contract.genericStatuses || contract.validateRequests ? createContractValidator(undefined, contract) : contractValidator());
  const violations: ContractViolation[] = [];
  const emu = await startEmulator({
    ...opts,
    validate: (record) => {
      violations.push(...validator.check(record));
      opts.validate?.(record);
    },
  });
  const assertNoViolations = (): void => {
    if (violations.length > 0) {
      throw new Error(`GitHub API contract violated ${violations.length} time(s):\n${formatViolations(violations)}`);
    }
  };
  return {
    get url() {
      return emu.url;
    },
    state: emu.state,
    faults: emu.faults,
    rateLimits: emu.rateLimits,
    requests: emu.requests,
    resetLog: () => emu.resetLog(),
    violations,
    takeViolations: () => violations.splice(0, violations.length),
    assertNoViolations,
    close: async () => {
      await emu.close();
      assertNoViolations();
    },
  };
}
