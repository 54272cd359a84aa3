/**
 * Checks of query and write parameters against the database's own column types, so that
 * input PostgreSQL or SQLite would choke on (text compared with an integer column, NUL
 * characters, 300 characters in a varchar(255), an `$or` that is not a list, an offset
 * past 2^63...) is a 400 naming the problem instead of a 500, the same on both databases.
 * Only shapes that can never work are refused: anything Strapi itself can run passes.
 */

/** What these checks read of an attribute in the database metadata. */
export interface DatabaseAttribute {
  type: string;
  target?: string;
}
export type AttributesOf = (uid: string) => Record<string, DatabaseAttribute> | undefined;

export interface InputIssue {
  path: string;
  message: string;
}

type Issues = InputIssue[];

const GROUP_OPERATORS = new Set(['$and', '$or']);
const LIST_OPERATORS = new Set(['$in', '$notIn']);
const NULL_OPERATORS = new Set(['$null', '$notNull']);
const COMPARISON_OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte']);
const TEXT_OPERATORS = new Set([
  '$eqi',
  '$nei',
  '$startsWith',
  '$endsWith',
  '$startsWithi',
  '$endsWithi',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
]);
const ATTRIBUTE_OPERATORS = new Set([
  '$not',
  '$between',
  '$jsonSupersetOf',
  ...LIST_OPERATORS,
  ...NULL_OPERATORS,
  ...COMPARISON_OPERATORS,
  ...TEXT_OPERATORS,
]);

/** Types stored as text; the first five in a varchar(255) column. */
const VARCHAR_TYPES = new Set(['string', 'uid', 'email', 'enumeration', 'password']);
const TEXT_TYPES = new Set([...VARCHAR_TYPES, 'text', 'richtext']);
const JSON_TYPES = new Set(['json', 'blocks']);
const DATE_TYPES = new Set(['date', 'datetime', 'timestamp', 'time']);
export const VARCHAR_LENGTH = 255;

/** Integer columns and their ranges (PostgreSQL's integer and bigint). */
const INTEGER_RANGES: Record<string, readonly [bigint, bigint]> = {
  increments: [-(2n ** 31n), 2n ** 31n - 1n],
  integer: [-(2n ** 31n), 2n ** 31n - 1n],
  biginteger: [-(2n ** 63n), 2n ** 63n - 1n],
};
const FLOAT_TYPES = new Set(['float', 'decimal']);
const BOOLEAN_VALUES = new Set<unknown>([true, false, 'true', 'false', 't', 'f', '1', '0', 1, 0]);

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Knex sub-queries that Strapi itself puts in where clauses: not input, left alone. */
const isQueryBuilder = (value: unknown) =>
  typeof value === 'object' && value !== null && typeof (value as { toSQL?: unknown }).toSQL === 'function';

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

const hasNul = (text: string) => text.includes('\u0000');

/** Why a single value cannot be compared with a column of this type, or null when it can. */
const scalarProblem = (type: string, value: unknown): string | null => {
  if (value === null || value === undefined || isQueryBuilder(value) || value instanceof Date) return null;
  if (typeof value === 'object') return 'must be a single value, not a list or an object';
  if (typeof value === 'string' && hasNul(value)) return 'must not contain NUL characters';

  const range = INTEGER_RANGES[type];
  if (range) {
    const text = String(value).trim();
    if (!/^-?\d+$/.test(text)) return 'must be a whole number';
    const number = BigInt(text);
    return number < range[0] || number > range[1] ? 'is out of range' : null;
  }
  if (FLOAT_TYPES.has(type)) {
    return String(value).trim() !== '' && Number.isFinite(Number(value)) ? null : 'must be a number';
  }
  if (type === 'boolean') return BOOLEAN_VALUES.has(value) ? null : 'must be true or false';
  if (DATE_TYPES.has(type)) {
    const text = String(value);
    const valid =
      type === 'time' ? /^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(text) : !Number.isNaN(Date.parse(text)) || /^\d+$/.test(text);
    return valid ? null : 'must be a date';
  }
  return null;
};

const ID: DatabaseAttribute = { type: 'increments' };

export interface WhereCheckOptions {
  /**
   * Refuse a list under a one-value operator (`$eq: [1, 2]`). Strapi's database layer reads
   * it as "any of"; the REST API documents `$in` for that, so REST input is held to it.
   */
  oneValuePerOperator?: boolean;
}

/**
 * Checks of where clauses (Strapi `filters` as the database receives them) and of the
 * conditions inside populates, against the models `attributesOf` describes.
 */
export const createWhereChecks = (attributesOf: AttributesOf, options: WhereCheckOptions = {}) => {
  const checkScalar = (type: string, value: unknown, path: string, issues: Issues) => {
    const problem = scalarProblem(type, value);
    if (problem) issues.push({ path, message: `${path} ${problem}` });
  };

  /** A value or, as Strapi allows, a list of values that any may match. */
  const checkValueOrList = (type: string, value: unknown, path: string, issues: Issues, listAllowed: boolean) => {
    if (!Array.isArray(value)) {
      checkScalar(type, value, path, issues);
    } else if (!listAllowed) {
      issues.push({ path, message: `${path} takes one value; use $in for a list` });
    } else {
      value.forEach((item, index) => checkScalar(type, item, join(path, index), issues));
    }
  };

  const checkOperator = (attribute: DatabaseAttribute, operator: string, value: unknown, path: string, issues: Issues) => {
    const { type } = attribute;
    const at = join(path, operator);
    if (value === undefined) return;
    if (!ATTRIBUTE_OPERATORS.has(operator)) {
      issues.push({ path: at, message: `${at}: ${operator} is not an operator` });
      return;
    }
    if (operator === '$not') {
      checkAttributeWhere(attribute, value, at, issues);
      return;
    }
    if (NULL_OPERATORS.has(operator)) {
      if (!BOOLEAN_VALUES.has(value)) issues.push({ path: at, message: `${at} must be true or false` });
      return;
    }
    if (JSON_TYPES.has(type)) {
      if (operator !== '$jsonSupersetOf')
        issues.push({ path: at, message: `${path} is a JSON field: only $null and $notNull apply to it` });
      return;
    }
    if (operator === '$jsonSupersetOf') {
      issues.push({ path: at, message: `${at} only applies to JSON fields` });
      return;
    }
    if (TEXT_OPERATORS.has(operator) && !TEXT_TYPES.has(type)) {
      issues.push({ path: at, message: `${at} only applies to text fields` });
      return;
    }
    if (operator === '$between') {
      if (!Array.isArray(value) || value.length !== 2) {
        issues.push({ path: at, message: `${at} must be a list of two values` });
        return;
      }
      value.forEach((item, index) => checkScalar(type, item, join(at, index), issues));
      return;
    }
    if (LIST_OPERATORS.has(operator)) {
      if (isPlainObject(value)) issues.push({ path: at, message: `${at} must be a list of at most 100 values` });
      else checkValueOrList(type, value, at, issues, true);
      return;
    }
    checkValueOrList(TEXT_OPERATORS.has(operator) ? 'string' : type, value, at, issues, !options.oneValuePerOperator);
  };

  /** The condition on one column: a value, a list of values, or operators. */
  const checkAttributeWhere = (attribute: DatabaseAttribute, where: unknown, path: string, issues: Issues) => {
    if (JSON_TYPES.has(attribute.type) && !isPlainObject(where) && where !== null && where !== undefined) {
      issues.push({ path, message: `${path} is a JSON field: only $null and $notNull apply to it` });
      return;
    }
    if (Array.isArray(where)) {
      where.forEach((item, index) =>
        isPlainObject(item)
          ? checkAttributeWhere(attribute, item, join(path, index), issues)
          : checkScalar(attribute.type, item, join(path, index), issues),
      );
      return;
    }
    if (isPlainObject(where)) {
      for (const [operator, value] of Object.entries(where)) checkOperator(attribute, operator, value, path, issues);
      return;
    }
    checkScalar(attribute.type, where, path, issues);
  };

  /** A relation's condition: either conditions on the target's fields, or one operator on its id. */
  const checkRelationWhere = (target: string, where: unknown, path: string, issues: Issues) => {
    if (!isPlainObject(where)) {
      checkAttributeWhere(ID, where, path, issues);
      return;
    }
    const keys = Object.keys(where);
    const operators = keys.filter((key) => key.startsWith('$'));
    if (operators.length === 0 || operators.every((key) => GROUP_OPERATORS.has(key))) {
      checkWhere(target, where, path, issues);
      return;
    }
    if (operators.length !== keys.length || operators.length > 1) {
      issues.push({
        path,
        message: `${path} mixes operators (${operators.join(', ')}) with fields, or uses more than one: use $and`,
      });
      return;
    }
    checkOperator(ID, operators[0], where[operators[0]], path, issues);
  };

  /** A where clause on the model `uid`, relations and components followed into their targets. */
  const checkWhere = (uid: string, where: unknown, path = 'filters', issues: Issues = []): Issues => {
    if (where === undefined || where === null || isQueryBuilder(where)) return issues;
    if (Array.isArray(where)) {
      where.forEach((item, index) => checkWhere(uid, item, join(path, index), issues));
      return issues;
    }
    if (!isPlainObject(where)) {
      issues.push({ path, message: `${path} must be an object of conditions` });
      return issues;
    }
    const attributes = attributesOf(uid) ?? {};
    for (const [key, value] of Object.entries(where)) {
      const at = join(path, key);
      if (value === undefined) continue;
      if (GROUP_OPERATORS.has(key)) {
        if (!Array.isArray(value)) issues.push({ path: at, message: `${at} must be a list of conditions` });
        else
          value.forEach((item, index) => {
            if (isPlainObject(item) || Array.isArray(item)) checkWhere(uid, item, join(at, index), issues);
            else issues.push({ path: join(at, index), message: `${join(at, index)} must be an object of conditions` });
          });
        continue;
      }
      if (key === '$not') {
        if (isPlainObject(value) || Array.isArray(value)) checkWhere(uid, value, at, issues);
        else issues.push({ path: at, message: `${at} must be an object of conditions` });
        continue;
      }
      if (key.startsWith('$')) {
        issues.push({ path: at, message: `${at}: only $and, $or and $not combine conditions` });
        continue;
      }
      const attribute = attributes[key];
      // Columns Strapi addresses by their own names are not input; leave them to the database.
      if (!attribute) continue;
      if (attribute.type === 'relation') {
        if (attribute.target) checkRelationWhere(attribute.target, value, at, issues);
        continue;
      }
      checkAttributeWhere(attribute, value, at, issues);
    }
    return issues;
  };

  /** Conditions inside a populate (`populate[officials][filters]...`), at any depth. */
  const checkPopulate = (uid: string, populate: unknown, path = 'populate', issues: Issues = []): Issues => {
    if (!isPlainObject(populate)) return issues;
    const attributes = attributesOf(uid) ?? {};
    for (const [key, value] of Object.entries(populate)) {
      const target = attributes[key]?.target;
      if (!target || !isPlainObject(value)) continue;
      const at = join(path, key);
      if (value.where !== undefined) checkWhere(target, value.where, join(at, 'filters'), issues);
      if (value.filters !== undefined) checkWhere(target, value.filters, join(at, 'filters'), issues);
      checkPagination(value, at, issues);
      checkPopulate(target, value.populate, join(at, 'populate'), issues);
    }
    return issues;
  };

  return { checkWhere, checkPopulate };
};

/** offset/limit (and their REST names start/limit): whole numbers a database can take. */
export const checkPagination = (params: Record<string, unknown>, path = 'pagination', issues: Issues = []): Issues => {
  for (const key of ['offset', 'start', 'limit']) {
    const value = params[key];
    if (value === undefined || value === null) continue;
    const number =
      typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    const at = join(path, key === 'offset' ? 'start' : key);
    if (!Number.isSafeInteger(number)) issues.push({ path: at, message: `${at} must be a whole number below 2^53` });
    else if (number < (key === 'limit' ? -1 : 0)) issues.push({ path: at, message: `${at} must not be negative` });
  }
  return issues;
};

const nulPaths = (value: unknown, path: string, found: string[] = [], depth = 0): string[] => {
  if (typeof value === 'string') {
    if (hasNul(value)) found.push(path);
  } else if (depth < 100 && (Array.isArray(value) || isPlainObject(value))) {
    for (const [key, item] of Object.entries(value)) nulPaths(item, join(path, key), found, depth + 1);
  }
  return found;
};

/** Values written to one row: no NUL characters anywhere, no more than a varchar(255) holds. */
export const checkData = (uid: string, data: unknown, attributesOf: AttributesOf, issues: Issues = []): Issues => {
  if (!isPlainObject(data)) return issues;
  const attributes = attributesOf(uid) ?? {};
  for (const [key, value] of Object.entries(data)) {
    for (const path of nulPaths(value, key)) issues.push({ path, message: `${path} must not contain NUL characters` });
    const type = attributes[key]?.type;
    if (type && VARCHAR_TYPES.has(type) && typeof value === 'string' && [...value].length > VARCHAR_LENGTH) {
      issues.push({ path: key, message: `${key} must be at most ${VARCHAR_LENGTH} characters` });
    }
  }
  return issues;
};
