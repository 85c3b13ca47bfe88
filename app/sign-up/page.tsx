import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignUpForm } from "@/components/auth/SignUpForm";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Create the first account" };

/** Open only on a fresh installation: the first account becomes admin of the first workspace. */
export default async function SignUpPage() {
  await connection();
  const status = await getServerCaller().auth.status();
  if (status.user) redirect("/");
  if (!status.signUpOpen) redirect("/sign-in?closed=1");
  return (
    <AuthCard title="Create the first account" intro="You will be the admin of this Switchyard. Others join through invitation links.">
      <SignUpForm next="/" submitLabel="Create account" />
    </AuthCard>
  );
}
