import type { Roles } from './roles';

/**
 * Who may read each field of each type (root types included: a root field's rule is who may
 * call it), as one feature declares them for the types and fields it adds. Deny by default:
 * a field no rule names is refused (and test/unit/api/accessRules.unit.test.ts fails).
 */
export type AccessRules = Readonly<Record<string, Readonly<Record<string, Roles>>>>;

/** Every feature's rules in one book; a field named by two features is a mistake. */
export class RuleBook {
  private readonly rules = new Map<string, Roles>();

  constructor(books: readonly AccessRules[]) {
    for (const book of books) {
      for (const [typeName, fields] of Object.entries(book)) {
        for (const [fieldName, roles] of Object.entries(fields)) {
          const key = `${typeName}.${fieldName}`;
          if (this.rules.has(key)) throw new Error(`access rules: ${key} has two rules`);
          this.rules.set(key, roles);
        }
      }
    }
  }

  /** The roles that may read `typeName.fieldName`; undefined when no rule names it (denied). */
  rolesFor(typeName: string, fieldName: string): Roles | undefined {
    return this.rules.get(`${typeName}.${fieldName}`);
  }

  /** Every `Type.field` with a rule. */
  names(): string[] {
    return [...this.rules.keys()];
  }
}
