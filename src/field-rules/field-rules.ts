import { COUNTRY_CODES } from './country-codes';
import { describeFormat } from './formats';

export type Path = Array<string | number>;
export interface FieldIssue {
  path: Path;
  message: string;
  value: unknown;
}

/** The parts of a Strapi attribute definition these rules read. */
export interface AttributeShape {
  type: string;
  regex?: string;
  component?: string;
  repeatable?: boolean;
}
export type AttributesShape = Record<string, AttributeShape>;

const COUNTRY_FIELD = 'country';
const STRING_LIST_FIELDS = new Set(['topics']);
const MAX_LIST_ITEMS = 20;
const MAX_LIST_ITEM_LENGTH = 80;

const label = (path: Path) => path.join('.');

/** Country codes are stored upper case; "us" from a form is what the editor meant. */
const normalizeCountry = (value: string) => value.trim().toUpperCase();

const checkCountry = (value: string, path: Path, issues: FieldIssue[]) => {
  if (value !== '' && !COUNTRY_CODES.has(value)) {
    issues.push({ path, value, message: `${label(path)} must be ${describeFormat('^[A-Z]{2}$')}` });
  }
};

/**
 * A calendar day as Strapi stores it: "yyyy-MM-dd" (Strapi also takes a longer ISO string
 * and keeps its first ten characters). Checked here so the 400 names the field; Strapi's own
 * parser only says "Invalid format, expected yyyy-MM-dd".
 */
const isCalendarDay = (value: unknown): boolean => {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** A list of short labels stored as JSON, such as an article's topics. */
const normalizeStringList = (value: unknown, path: Path, issues: FieldIssue[]): unknown => {
  if (value === null) return value;
  const message = `${label(path)} must be a list of at most ${MAX_LIST_ITEMS} texts of 1 to ${MAX_LIST_ITEM_LENGTH} characters`;
  if (!Array.isArray(value) || value.length > MAX_LIST_ITEMS) {
    issues.push({ path, value, message });
    return value;
  }
  const items = value.map((item) => (typeof item === 'string' ? item.trim() : item));
  if (items.some((item) => typeof item !== 'string' || item.length === 0 || item.length > MAX_LIST_ITEM_LENGTH)) {
    issues.push({ path, value, message });
    return value;
  }
  return [...new Set(items as string[])];
};

/**
 * Checks and normalizes the formats of one write's data against its schema, components
 * included. Drafts get these checks too: Strapi skips `regex` for drafts, but a malformed
 * URL or country is never what an editor means, and it would only fail later at publish.
 */
export const applyFieldRules = (
  attributes: AttributesShape,
  data: Record<string, unknown>,
  componentAttributes: (componentUid: string) => AttributesShape | undefined,
  path: Path = [],
  issues: FieldIssue[] = [],
): FieldIssue[] => {
  for (const [name, attribute] of Object.entries(attributes)) {
    if (!(name in data)) continue;
    const value = data[name];
    const fieldPath = [...path, name];

    if (attribute.type === 'component' && attribute.component) {
      const nested = componentAttributes(attribute.component);
      if (!nested) continue;
      const entries = attribute.repeatable ? (Array.isArray(value) ? value : []) : [value];
      entries.forEach((entry, index) => {
        if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
          const entryPath = attribute.repeatable ? [...fieldPath, index] : fieldPath;
          applyFieldRules(nested, entry as Record<string, unknown>, componentAttributes, entryPath, issues);
        }
      });
      continue;
    }

    if (attribute.type === 'date') {
      if (value !== null && value !== undefined && !isCalendarDay(value)) {
        issues.push({ path: fieldPath, value, message: `${label(fieldPath)} must be a date such as "2022-03-14"` });
      }
      continue;
    }

    if (attribute.type === 'json' && STRING_LIST_FIELDS.has(name)) {
      data[name] = normalizeStringList(value, fieldPath, issues);
      continue;
    }

    if ((attribute.type === 'string' || attribute.type === 'text') && typeof value === 'string') {
      if (name === COUNTRY_FIELD) {
        data[name] = normalizeCountry(value);
        checkCountry(data[name] as string, fieldPath, issues);
        continue;
      }
      if (attribute.regex && value !== '' && !new RegExp(attribute.regex).test(value)) {
        issues.push({ path: fieldPath, value, message: `${label(fieldPath)} must be ${describeFormat(attribute.regex)}` });
      }
    }
  }
  return issues;
};
