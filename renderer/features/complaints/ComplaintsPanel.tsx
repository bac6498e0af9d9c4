// Placeholder: suggestions and complaints, shown as a tab of the visitor log.
export function ComplaintsPanel() {
  return null;
}
