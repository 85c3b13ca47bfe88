import type { ComponentProps } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost" | "ghost-danger";
type Size = "sm" | "md";

export type ButtonProps = ComponentProps<"button"> & { variant?: Variant; size?: Size };

const VARIANTS: Record<Variant, string> = {
  primary: "bg-zinc-900 text-white shadow-sm hover:bg-zinc-700",
  secondary: "border border-zinc-300 bg-white text-zinc-800 shadow-sm hover:bg-zinc-50",
  danger: "bg-red-600 text-white shadow-sm hover:bg-red-500",
  ghost: "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900",
  "ghost-danger": "text-red-700 hover:bg-red-50",
};

const SIZES: Record<Size, string> = {
  sm: "h-8 px-2.5 text-sm",
  md: "h-9 px-3.5 text-sm",
};

export function Button({ variant = "secondary", size = "md", type = "button", className = "", ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex shrink-0 items-center justify-center gap-1.5 whitespace-nowrap rounded-md font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${VARIANTS[variant]} ${SIZES[size]} ${className}`}
      {...props}
    />
  );
}
