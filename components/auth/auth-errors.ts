/** What better-auth's client reports for a failed call. */
export type AuthFailure = { status: number; code?: string; message?: string };

export type FieldErrors<Field extends string> = Partial<Record<Field | "form", string>>;

export const MIN_PASSWORD_LENGTH = 10;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailError(email: string): string | null {
  if (email.trim() === "") return "Enter your email address.";
  if (!EMAIL.test(email.trim())) return "Enter an email address like name@example.com.";
  return null;
}

/** The message for a sign-in or sign-up the server refused, on the field it concerns. */
export function failureErrors(failure: AuthFailure): FieldErrors<"email" | "password"> {
  if (failure.status === 429) return { form: failure.message?.startsWith("Too many") ? failure.message : "Too many attempts. Wait a minute and try again." };
  switch (failure.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return { form: "Wrong email or password." };
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return { email: "An account with this email already exists. Sign in instead." };
    case "INVALID_EMAIL":
      return { email: "Enter an email address like name@example.com." };
    case "PASSWORD_TOO_SHORT":
      return { password: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
    case "PASSWORD_TOO_LONG":
      return { password: "Use at most 128 characters." };
    default:
      return { form: failure.message || "Something went wrong. Try again." };
  }
}
