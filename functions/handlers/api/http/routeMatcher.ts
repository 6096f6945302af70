/** A path template as a matcher: /activations/{activationId} matches /activations/act-1 (and a trailing slash). */
export function routeMatcher(path: string): RegExp {
  return new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+')}/?$`);
}
