/**
 * What a call of an Azure SDK (the identity client, for one) rejected with: the HTTP status and
 * the service's error code, as a test compares them. A call that succeeds fails the test.
 */
export async function refusal(promise: Promise<unknown>): Promise<{ status?: number; code?: string }> {
  try {
    await promise;
  } catch (error) {
    const { statusCode, code } = error as { statusCode?: number; code?: string };
    return { status: statusCode, code };
  }
  throw new Error('The request succeeded.');
}
