"use client";

import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { authClient } from "./auth-client";
import { emailError, failureErrors, type FieldErrors } from "./auth-errors";
import { TextField } from "./TextField";

type Field = "email" | "password";

export function SignInForm({ next }: { next: string }) {
  const [values, setValues] = useState<Record<Field, string>>({ email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [pending, setPending] = useState(false);
  const refs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

  function change(field: Field, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  function showErrors(found: FieldErrors<Field>) {
    setErrors(found);
    const first = (["email", "password"] as const).find((f) => found[f]);
    if (first) refs[first].current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    const badEmail = emailError(values.email);
    if (badEmail) found.email = badEmail;
    if (values.password === "") found.password = "Enter your password.";
    if (Object.keys(found).length > 0) return showErrors(found);

    setPending(true);
    const { error } = await authClient.signIn.email({ email: values.email.trim(), password: values.password });
    if (error) {
      setPending(false);
      return showErrors(failureErrors(error));
    }
    window.location.assign(next);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField label="Email" type="email" autoComplete="email" value={values.email} onChange={(e) => change("email", e.target.value)} error={errors.email} inputRef={refs.email} />
      <TextField label="Password" type="password" autoComplete="current-password" value={values.password} onChange={(e) => change("password", e.target.value)} error={errors.password} inputRef={refs.password} />
      {errors.form ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {errors.form}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
