/** `TypeError: boom` for errors from any realm, `String(x)` for anything else thrown. */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return typeof name === 'string' && name ? `${name}: ${String(message)}` : String(message);
  }
  return String(error);
}
