// Text inside the HTML of a print document (a badge, the roll call, later the archive's volumes).
// Visitor-typed names and notes must never become markup: every character that could open a tag, an
// entity or leave an attribute value is written as a numeric character reference.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
