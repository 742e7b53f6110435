/**
 * Resolves once the frame after the current one has begun: by then the browser has painted what the app
 * rendered in response to the current event (React's render task runs before the first of the two frames).
 */
export const nextFrame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
