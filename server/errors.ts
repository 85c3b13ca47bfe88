/**
 * An error core code raises for the user to act on. `status` is the HTTP status the edge
 * (tRPC, the ingest API, the CLI) answers with; core code never formats responses itself.
 */
export class AppError extends Error {
  constructor(
    readonly code: "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT" | "FORBIDDEN" | "UNAUTHORIZED",
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 = AppError.statusOf(code),
  ) {
    super(message);
    this.name = "AppError";
  }

  private static statusOf(code: AppError["code"]): 400 | 401 | 403 | 404 | 409 {
    return ({ NOT_FOUND: 404, BAD_REQUEST: 400, CONFLICT: 409, FORBIDDEN: 403, UNAUTHORIZED: 401 } as const)[code];
  }
}
