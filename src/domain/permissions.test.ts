import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  COMPANY_ACTIONS,
  COMPANY_ROLES,
  PERMISSIONS,
  assignableRoles,
  can,
  canManageUser,
  isCompanyAction,
  isCompanyRole,
  matrixRows,
  type CompanyAction,
  type CompanyRole,
  type UserChange,
} from "./permissions.ts";

// A literal copy of SPEC.md USR-2's table. Columns: owner, proxy, full-access, admin-only.
const SPEC_TABLE = `
| view users | ✓ | ✓ | ✓ | ✓ |
| edit users (contact details, role, deactivate) | ✓ | ✓ | — | ✓ |
| add users | ✓ | ✓ | ✓ | ✓ |
| reactivate users | ✓ | ✓ | — | — |
| view and update the company profile | ✓ | ✓ | ✓ | ✓ |
| view and update the application profile | ✓ | ✓ | ✓ | — |
| view and update the security profile | ✓ | ✓ | ✓ | — |
| view membership status and system notifications | ✓ | ✓ | ✓ | ✓ |
| submit changes to the portal account (incl. the application) | ✓ | — | — | — |
| transfer account ownership | ✓ | — | — | — |
`;

const COLUMNS = ["owner", "proxy", "full-access", "admin-only"] as const;

// Each row of the table and the action keys it became.
const ROW_ACTIONS: Record<string, readonly CompanyAction[]> = {
  "view users": ["users.view"],
  "edit users (contact details, role, deactivate)": ["users.edit"],
  "add users": ["users.add"],
  "reactivate users": ["users.reactivate"],
  "view and update the company profile": ["company-profile.view", "company-profile.update"],
  "view and update the application profile": ["application-profile.view", "application-profile.update"],
  "view and update the security profile": ["security-profile.view", "security-profile.update"],
  "view membership status and system notifications": ["status.view"],
  "submit changes to the portal account (incl. the application)": ["account.submit"],
  "transfer account ownership": ["ownership.transfer"],
};

function parseTable(): { label: string; cells: Record<(typeof COLUMNS)[number], boolean> }[] {
  return SPEC_TABLE.trim()
    .split("\n")
    .map((line) => {
      const parts = line.split("|").map((p) => p.trim()).slice(1, -1);
      assert.equal(parts.length, 5, line);
      const [label, ...marks] = parts as [string, ...string[]];
      for (const mark of marks) assert.ok(mark === "✓" || mark === "—", `${label}: ${mark}`);
      return {
        label,
        cells: {
          owner: marks[0] === "✓",
          proxy: marks[1] === "✓",
          "full-access": marks[2] === "✓",
          "admin-only": marks[3] === "✓",
        },
      };
    });
}

describe("roles and actions", () => {
  it("has the four roles of USR-1", () => {
    assert.deepEqual([...COMPANY_ROLES], ["owner", "proxy", "full-access", "admin-only"]);
  });

  it("has one action per row of the table, 'view and update' rows split in two", () => {
    const fromTable = Object.values(ROW_ACTIONS).flat();
    assert.deepEqual([...COMPANY_ACTIONS].sort(), [...fromTable].sort());
    assert.equal(new Set(COMPANY_ACTIONS).size, COMPANY_ACTIONS.length);
  });

  it("recognises roles and actions by name only", () => {
    for (const role of COMPANY_ROLES) assert.ok(isCompanyRole(role));
    for (const action of COMPANY_ACTIONS) assert.ok(isCompanyAction(action));
    for (const other of ["Owner", "", "users", "staff", undefined, 1, null]) {
      assert.equal(isCompanyRole(other), false);
      assert.equal(isCompanyAction(other), false);
    }
  });
});

describe("PERMISSIONS (USR-2)", () => {
  const rows = parseTable();

  it("covers every row of the SPEC's table", () => {
    assert.deepEqual(rows.map((r) => r.label).sort(), Object.keys(ROW_ACTIONS).sort());
  });

  for (const { label, cells } of rows) {
    for (const action of ROW_ACTIONS[label] ?? []) {
      for (const role of COLUMNS) {
        it(`${action} × ${role}: ${cells[role] ? "✓" : "—"}`, () => {
          assert.equal(can(role, action), cells[role]);
          assert.equal(PERMISSIONS[action].includes(role), cells[role]);
        });
      }
    }
  }

  it("is frozen", () => {
    assert.ok(Object.isFrozen(PERMISSIONS));
    for (const action of COMPANY_ACTIONS) assert.ok(Object.isFrozen(PERMISSIONS[action]));
  });

  it("matrixRows lists every action once, in order, with its roles", () => {
    const listed = matrixRows();
    assert.deepEqual(listed.map((r) => r.action), [...COMPANY_ACTIONS]);
    for (const { action, allowed } of listed) {
      assert.deepEqual([...allowed].sort(), COLUMNS.filter((role) => can(role, action)).sort());
    }
  });
});

describe("assignableRoles", () => {
  const expected: Record<CompanyRole, CompanyRole[]> = {
    owner: ["proxy", "full-access", "admin-only"],
    proxy: ["proxy", "full-access", "admin-only"],
    "full-access": ["full-access", "admin-only"],
    "admin-only": ["full-access", "admin-only"],
  };
  for (const role of COLUMNS) {
    it(`${role} may give ${expected[role].join(", ")}`, () => {
      assert.deepEqual([...assignableRoles(role)].sort(), [...expected[role]].sort());
      assert.ok(!assignableRoles(role).includes("owner"));
    });
  }
});

describe("canManageUser", () => {
  // The rules of USR-2, restated independently of the implementation:
  // - whose contact details, role and active state an actor may change (other people);
  const MAY_EDIT_OTHERS: Record<CompanyRole, CompanyRole[]> = {
    owner: ["proxy", "full-access", "admin-only"],
    proxy: ["proxy", "full-access", "admin-only"],
    "full-access": [], // no "edit users"
    "admin-only": ["full-access", "admin-only"], // not a proxy, never the owner
  };
  // - whom an actor may reactivate (other people);
  const MAY_REACTIVATE: Record<CompanyRole, CompanyRole[]> = {
    owner: ["proxy", "full-access", "admin-only"],
    proxy: ["proxy", "full-access", "admin-only"],
    "full-access": [],
    "admin-only": [],
  };
  // - which roles an actor may give.
  const MAY_GIVE: Record<CompanyRole, CompanyRole[]> = {
    owner: ["proxy", "full-access", "admin-only"],
    proxy: ["proxy", "full-access", "admin-only"],
    "full-access": ["full-access", "admin-only"],
    "admin-only": ["full-access", "admin-only"],
  };
  const CHANGES: UserChange[] = ["edit-contact", "change-role", "deactivate", "reactivate"];
  const NEW_ROLES: (CompanyRole | undefined)[] = [undefined, ...COLUMNS];

  function expected(
    actorRole: CompanyRole,
    targetRole: CompanyRole,
    self: boolean,
    change: UserChange,
    newRole: CompanyRole | undefined,
  ): boolean {
    // Oneself: own contact details only; never one's own role or active state.
    if (self) return change === "edit-contact";
    switch (change) {
      case "edit-contact":
      case "deactivate":
        return MAY_EDIT_OTHERS[actorRole].includes(targetRole);
      case "reactivate":
        return MAY_REACTIVATE[actorRole].includes(targetRole);
      case "change-role":
        return (
          MAY_EDIT_OTHERS[actorRole].includes(targetRole) &&
          newRole !== undefined &&
          MAY_GIVE[actorRole].includes(newRole)
        );
    }
  }

  let cases = 0;
  for (const actorRole of COLUMNS) {
    for (const targetRole of COLUMNS) {
      for (const change of CHANGES) {
        it(`${actorRole} → ${targetRole}: ${change}`, () => {
          const actor = { role: actorRole, personId: "person-a" };
          const other = { role: targetRole, personId: "person-b" };
          for (const newRole of NEW_ROLES) {
            assert.equal(
              canManageUser(actor, other, change, newRole),
              expected(actorRole, targetRole, false, change, newRole),
              `other person, newRole ${newRole}`,
            );
            cases++;
            // A person has one role per company, so "oneself" exists only when the roles match.
            if (actorRole === targetRole) {
              const self = { role: targetRole, personId: "person-a" };
              assert.equal(
                canManageUser(actor, self, change, newRole),
                expected(actorRole, targetRole, true, change, newRole),
                `oneself, newRole ${newRole}`,
              );
              cases++;
            }
          }
        });
      }
    }
  }

  it("covered every combination", () => {
    // 4 actors × 4 targets × 4 changes × 5 new roles, plus oneself for the 4 matching pairs.
    assert.equal(cases, 4 * 4 * 4 * 5 + 4 * 4 * 5);
  });

  // A few of the cases above, spelled out.
  const owner = { role: "owner" as const, personId: "o" };
  const proxy = { role: "proxy" as const, personId: "p" };
  const admin = { role: "admin-only" as const, personId: "a" };
  const full = { role: "full-access" as const, personId: "f" };

  it("nobody else touches the account owner, not even a proxy", () => {
    for (const change of CHANGES) assert.equal(canManageUser(proxy, owner, change, "proxy"), false);
  });

  it("the owner edits their own contact details but cannot re-role or deactivate themselves", () => {
    assert.equal(canManageUser(owner, owner, "edit-contact"), true);
    assert.equal(canManageUser(owner, owner, "change-role", "proxy"), false);
    assert.equal(canManageUser(owner, owner, "deactivate"), false);
  });

  it("a full-access user edits only their own contact details", () => {
    assert.equal(canManageUser(full, full, "edit-contact"), true);
    assert.equal(canManageUser(full, admin, "edit-contact"), false);
  });

  it("an admin-only user can neither promote to proxy nor demote a proxy", () => {
    assert.equal(canManageUser(admin, full, "change-role", "admin-only"), true);
    assert.equal(canManageUser(admin, full, "change-role", "proxy"), false);
    assert.equal(canManageUser(admin, proxy, "change-role", "admin-only"), false);
    assert.equal(canManageUser(admin, proxy, "deactivate"), false);
  });

  it("a proxy may demote another proxy; nobody gives 'owner'", () => {
    const otherProxy = { role: "proxy" as const, personId: "p2" };
    assert.equal(canManageUser(proxy, otherProxy, "change-role", "full-access"), true);
    assert.equal(canManageUser(owner, proxy, "change-role", "owner"), false);
    assert.equal(canManageUser(owner, proxy, "change-role"), false);
  });
});
