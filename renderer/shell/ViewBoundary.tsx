// Renderer: the error boundary every view renders inside. A view that throws shows what failed and
// offers "Reset this view"; the header, the nav and every other view stay usable.
import { Component, type ErrorInfo, type ReactNode } from "react";

/** What the boundary shows about a failure. */
export interface ViewFailure {
  message: string;
  /** The first lines of React's component stack: where it failed. */
  where: string;
}

interface Props {
  /** The view's title, named in the message. */
  title: string;
  /** Clears the state that made the view fail (the view's slices; the playground's draft) and says what was done. */
  onReset: (failure: ViewFailure) => Promise<string>;
  children: ReactNode;
}

interface State {
  failure: ViewFailure | null;
  resetting: boolean;
  /** What the last reset did, shown once the view renders again. */
  done: string | null;
  /** Bumped on each retry or reset, so the children mount afresh. */
  attempt: number;
}

/** One view's error boundary. */
export class ViewBoundary extends Component<Props, State> {
  override state: State = { failure: null, resetting: false, done: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failure: { message: error instanceof Error ? error.message : String(error), where: "" }, done: null };
  }

  override componentDidCatch(_error: unknown, info: ErrorInfo): void {
    const where = (info.componentStack ?? "").trim().split("\n").slice(0, 4).map((l) => l.trim()).join("\n");
    this.setState((s) => (s.failure ? { failure: { ...s.failure, where } } : null));
  }

  private retry = () => this.setState((s) => ({ failure: null, done: null, attempt: s.attempt + 1 }));

  private reset = async () => {
    const failure = this.state.failure;
    if (!failure) return;
    this.setState({ resetting: true });
    let done: string;
    try {
      done = await this.props.onReset(failure);
    } catch (err) {
      done = `The view was reset, but clearing its saved state failed: ${err instanceof Error ? err.message : String(err)}`;
    }
    this.setState((s) => ({ failure: null, resetting: false, done, attempt: s.attempt + 1 }));
  };

  override render(): ReactNode {
    const { failure, resetting, done, attempt } = this.state;
    if (failure) {
      return (
        <section className="view-failure" role="alert" data-testid="view-failure">
          <h2>{this.props.title} failed to show</h2>
          <p>
            Something in this view broke: <code data-testid="view-failure-message">{failure.message}</code>
          </p>
          <p className="hint">The rest of the app still works. Reset this view to clear the state it was showing; nothing else is touched.</p>
          {failure.where ? (
            <details>
              <summary>Where it failed</summary>
              <pre className="mono">{failure.where}</pre>
            </details>
          ) : null}
          <div className="inline-fields">
            <button type="button" data-testid="view-reset" disabled={resetting} onClick={() => void this.reset()}>
              {resetting ? "Resetting..." : "Reset this view"}
            </button>
            <button type="button" className="button-quiet" data-testid="view-retry" disabled={resetting} onClick={this.retry}>
              Try again
            </button>
          </div>
        </section>
      );
    }
    return (
      <div key={attempt} className="view-body">
        {done ? (
          <p className="banner banner-info" role="status" data-testid="view-reset-done">
            {done}
          </p>
        ) : null}
        {this.props.children}
      </div>
    );
  }
}
