/** Counts live in the plugin's own tables (see services/view-store.ts), not in content types. */
export default {};
