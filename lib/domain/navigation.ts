import type { TPermission } from "./permissions";

/** The app shell's navigation; an entry shows only to roles holding its permission. */
export const NAVIGATION: { href: string; label: string; permission?: TPermission }[] = [
  { href: "/", label: "nav.home" },
  { href: "/admin/users", label: "nav.users", permission: "user:manage" },
  { href: "/roles", label: "nav.roles" },
];
