// C0/C1 controls plus Unicode line and paragraph separators: any of them in a header
// value could start a new header line (header injection) or garble the subject.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

const MAX_SUBJECT_LENGTH = 250;

/**
 * Turns a rendered subject into a safe single-line header value. Product titles are
 * merchant data and template output is merchant-editable, so this runs on every render.
 */
export function sanitizeSubject(rendered: string): string {
  // Only ASCII spaces collapse: French subjects keep their non-breaking space before ":".
  const single = rendered
    .replace(CONTROL_CHARACTERS, " ")
    .replace(/ {2,}/g, " ")
    .replace(/^ +| +$/g, "");
  const characters = Array.from(single);
  if (characters.length <= MAX_SUBJECT_LENGTH) return single;
  return `${characters
    .slice(0, MAX_SUBJECT_LENGTH - 1)
    .join("")
    .trimEnd()}…`;
}
