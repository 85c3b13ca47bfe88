"use client";

import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { authClient, INVITATION_HEADER } from "./auth-client";
import { emailError, failureErrors, MIN_PASSWORD_LENGTH, type FieldErrors } from "./auth-errors";
import { TextField } from "./TextField";

type Field = "name" | "email" | "password";

/** Makes an account and signs it in, then opens `next`. With an invitation, the account joins its workspace. */
export function SignUpForm({ next, invitationToken, submitLabel }: { next: string; invitationToken?: string; submitLabel: string }) {
  const [values, setValues] = useState<Record<Field, string>>({ name: "", email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [pending, setPending] = useState(false);
  const refs = { name: useRef<HTMLInputElement>(null), email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

  function change(field: Field, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
  }

  function showErrors(found: FieldErrors<Field>) {
    setErrors(found);
    const first = (["name", "email", "password"] as const).find((f) => found[f]);
    if (first) refs[first].current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (values.name.trim() === "") found.name = "Enter your name.";
    const badEmail = emailError(values.email);
    if (badEmail) found.email = badEmail;
    if (values.password.length < MIN_PASSWORD_LENGTH) found.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
    if (Object.keys(found).length > 0) return showErrors(found);

    setPending(true);
    const { error } = await authClient.signUp.email({
      name: values.name.trim(),
      email: values.email.trim(),
      password: values.password,
      fetchOptions: invitationToken ? { headers: { [INVITATION_HEADER]: invitationToken } } : undefined,
    });
    if (error) {
      setPending(false);
      return showErrors(failureErrors(error));
    }
    // A full load, so every server-rendered part sees the new session.
    window.location.assign(next);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField label="Name" autoComplete="name" value={values.name} onChange={(e) => change("name", e.target.value)} error={errors.name} inputRef={refs.name} maxLength={100} />
      <TextField label="Email" type="email" autoComplete="email" value={values.email} onChange={(e) => change("email", e.target.value)} error={errors.email} inputRef={refs.email} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={(e) => change("password", e.target.value)}
        error={errors.password}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        inputRef={refs.password}
      />
      {errors.form ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {errors.form}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={pending} className="w-full">
        {pending ? "Creating account…" : submitLabel}
      </Button>
    </form>
  );
}
