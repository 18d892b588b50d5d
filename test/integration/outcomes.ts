import { UseCaseError } from "@/lib/server/errors";

/** The refusal a use case answered with; fails the test if it was accepted or threw something else. */
export async function refusal(p: Promise<unknown>): Promise<UseCaseError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UseCaseError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

/** "OK" or the refusal's code, for tables of who may do what. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (err instanceof UseCaseError) return err.code;
    throw err;
  }
}
