"use client";

import { createAuthClient } from "better-auth/react";

/** better-auth's browser client, talking to /api/auth on this origin. */
export const authClient = createAuthClient({ basePath: "/api/auth" });

/** The header the sign-up form sends an invitation token in (server/auth/sign-up-policy.ts reads it). */
export const INVITATION_HEADER = "x-switchyard-invitation";
