import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's link: `next/link` without viewport prefetching. Every screen here is dynamic and per
 * user, so a prefetch renders the target's layouts on the server (session check, queue counts) for
 * each link that scrolls into view: a list page of 25 rows cost 25 renders nobody asked for, and
 * the server's two cores went to pages the clerk never opened. A click renders once, on demand.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
