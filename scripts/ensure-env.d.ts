/** A fresh value for every secret Strapi needs, by env var name. */
export function generateSecrets(): Record<string, string>;
