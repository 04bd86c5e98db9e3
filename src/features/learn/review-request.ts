/**
 * Today's "Review now" opens the Learn screen straight into the review. The two
 * screens never render together, so a flag that Learn reads on mount and then
 * clears is all the hand-over needs (read during render, cleared after commit,
 * because React may render a screen more than once before showing it).
 */
let requested = false;

export function requestReview(): void {
  requested = true;
}

export function isReviewRequested(): boolean {
  return requested;
}

export function clearReviewRequest(): void {
  requested = false;
}
