/** The message to show for a failed request; tRPC errors carry one the server meant for users. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Try again.";
}
