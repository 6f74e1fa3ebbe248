// A client written against the types openapi-typescript generates from ../../openapi/v1.json (schema.d.ts, generated
// by lint/run.sh, not committed). `tsc -p lint/client` fails when the document stops describing what this code uses.
import type { paths } from "./schema";

// Operations answered with JSON, their query and path parameters and their 200 body, all read from the document.
type Get<P extends keyof paths> = paths[P]["get"];
type JsonPath = { [P in keyof paths]: Get<P> extends { responses: { 200: { content: { "application/json": unknown } } } } ? P : never }[keyof paths];
type Defined<T> = [T] extends [undefined] ? never : Exclude<T, undefined>;
type QueryOf<P extends JsonPath> = Defined<Get<P>["parameters"]["query"]>;
type PathOf<P extends JsonPath> = Defined<Get<P>["parameters"]["path"]>;
type Options<P extends JsonPath> = ([PathOf<P>] extends [never] ? {} : { params: PathOf<P> }) &
  ([QueryOf<P>] extends [never] ? {} : { query?: QueryOf<P> });
type Body<P extends JsonPath> = Get<P>["responses"][200]["content"]["application/json"];
type Problem = { type?: string | null; title?: string | null; status?: number | null; detail?: string | null };

/** The typed fetch wrapper: lists as comma-separated values (style form, explode false), errors as problem details. */
async function get<P extends JsonPath>(base: string, path: P, ...[options]: {} extends Options<P> ? [Options<P>?] : [Options<P>]): Promise<Body<P>> {
  const { query = {}, params = {} } = (options ?? {}) as { query?: Record<string, unknown>; params?: Record<string, unknown> };
  const url = new URL(path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name]))), base);
  for (const [name, value] of Object.entries(query))
    if (value !== undefined) url.searchParams.set(name, Array.isArray(value) ? value.join(",") : String(value));
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const problem = (await response.json()) as Problem;
    throw new Error(`${response.status} ${problem.title ?? ""}: ${problem.detail ?? ""}`);
  }
  return (await response.json()) as Body<P>;
}

// Compile-time guards: a type that silently became any or never would make every line below pass.
type IsAny<T> = 0 extends 1 & T ? true : false;
type Exactly<T, Expected> = IsAny<T> extends true ? false : [T] extends [Expected] ? ([Expected] extends [T] ? true : false) : false;
function assertType<_T extends true>(): void {}

export async function skyNetInCanadaSince2016(base: string): Promise<{ total: number; firstSource: string | undefined }> {
  const page = await get(base, "/api/v1/incidents", {
    query: { country: ["CA"], operation: ["sky-net"], from: "2016", pageSize: 20, sort: "-date" },
  });
  const total: number = page.page.totalItems;
  const first = page.data[0];
  const firstSource: string | undefined = first?.sources[0]?.url;
  assertType<Exactly<typeof page.page.totalItems, number>>();
  assertType<Exactly<(typeof page.data)[number]["sources"][number]["url"], string>>();
  assertType<Exactly<QueryOf<"/api/v1/incidents">["pageSize"], number | undefined>>();

  // Without noUncheckedIndexedAccess, data[0] is typed as an element: fully typed reads (they throw on an empty page).
  const url: string = page.data[0].sources[0].url;
  const year: string = page.data[0].date;
  const country = await get(base, "/api/v1/countries/{code}", { params: { code: "CA" } });
  const count: number = country.incidentCount;
  console.log(total, url, year, count);
  return { total, firstSource };
}

// The document must reject what the API rejects: a wrong type or an unknown parameter does not compile.
// (Type-checked only, never called.)
export function rejectedAtCompileTime(base: string): void {
  // @ts-expect-error pageSize is an integer
  void get(base, "/api/v1/incidents", { query: { pageSize: "20" } });
  // @ts-expect-error contry is not a parameter (the API answers 400)
  void get(base, "/api/v1/incidents", { query: { contry: ["CA"] } });
  // @ts-expect-error a country needs its code
  void get(base, "/api/v1/countries/{code}");
  void get(base, "/api/v1/methods");
}
