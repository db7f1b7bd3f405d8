import { contractMock } from "@pkgapi/testing/prism";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default (project: TestProject) => contractMock("cloudfoundry", project);
