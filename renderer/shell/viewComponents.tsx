// Renderer: the component of each view. The playground and settings are on the first screen; every
// other view loads in its own chunk when first shown, keeping the first load small.
import { lazy, type ComponentType } from "react";
import { Playground } from "../features/Playground/Playground";
import { Settings } from "../features/Settings/Settings";
import type { ViewName } from "../store/uiSlice";

/** Each view's component, by view name. */
export const VIEW_COMPONENTS: Readonly<Record<ViewName, ComponentType>> = {
  welcome: lazy(() => import("../features/Welcome/Welcome").then((m) => ({ default: m.Welcome }))),
  playground: Playground,
  settings: Settings,
  inspector: lazy(() => import("../features/Inspector/Inspector").then((m) => ({ default: m.Inspector }))),
  compare: lazy(() => import("../features/Compare/Compare").then((m) => ({ default: m.Compare }))),
  embeddings: lazy(() => import("../features/Embeddings/Embeddings").then((m) => ({ default: m.Embeddings }))),
  rag: lazy(() => import("../features/Rag/Rag").then((m) => ({ default: m.Rag }))),
  lessons: lazy(() => import("../features/Lessons/Lessons").then((m) => ({ default: m.Lessons }))),
  review: lazy(() => import("../features/Review/Review").then((m) => ({ default: m.Review }))),
  experiments: lazy(() => import("../features/Experiments/Experiments").then((m) => ({ default: m.Experiments }))),
  history: lazy(() => import("../features/History/History").then((m) => ({ default: m.History }))),
  evals: lazy(() => import("../features/Evals/Evals").then((m) => ({ default: m.Evals }))),
  injection: lazy(() => import("../features/Injection/InjectionLab").then((m) => ({ default: m.InjectionLab }))),
  reliability: lazy(() => import("../features/Reliability/Reliability").then((m) => ({ default: m.Reliability }))),
  usage: lazy(() => import("../features/Usage/Usage").then((m) => ({ default: m.Usage }))),
  readiness: lazy(() => import("../features/Readiness/Readiness").then((m) => ({ default: m.Readiness }))),
};
