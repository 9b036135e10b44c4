import { useRouter } from 'vue-router'

/**
 * Links in every row of a long list as plain `<a>` elements:
 * `<a :href="href(path)" @click.prevent="go(path)">`. A `<router-link>` is a
 * component with its own computed state; fifty of them cost a page some
 * 30 ms on an office PC (docs/PERFORMANCE.md). The address is the router's
 * own (`#/members/3` in the app), so the link reads and behaves the same.
 */
export function usePlainLinks() {
  const router = useRouter()
  return {
    href: (path: string): string => router.options.history.createHref(path),
    go: (path: string): void => {
      void router.push(path)
    },
  }
}
