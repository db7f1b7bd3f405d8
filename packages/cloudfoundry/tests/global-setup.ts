import type { TestProject } from "vitest/node";
import { contractMock } from "../../../scripts/lib/prism.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default (project: TestProject) => contractMock("cloudfoundry", project);
