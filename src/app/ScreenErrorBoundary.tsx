import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of a screen that failed to load or render; `retry` reloads the app. */
  fallback: (retry: () => void, error: unknown) => ReactNode;
  children: ReactNode;
}

/**
 * A screen that cannot load (its code was never downloaded and the phone is
 * offline, or a deploy removed the old build's files) or throws while rendering
 * shows words and a way out instead of a blank app; the tab bar and the other
 * screens keep working.
 */
export class ScreenErrorBoundary extends Component<Props, { failed: boolean; error: unknown }> {
  override state = { failed: false, error: null as unknown };

  static getDerivedStateFromError(error: unknown): { failed: boolean; error: unknown } {
    return { failed: true, error };
  }

  override render(): ReactNode {
    // A lazily loaded screen remembers a failed download, so trying again means loading the app again.
    return this.state.failed ? this.props.fallback(() => window.location.reload(), this.state.error) : this.props.children;
  }
}
