import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of a screen that failed to load or render; `retry` reloads the app. */
  fallback: (retry: () => void) => ReactNode;
  children: ReactNode;
}

/**
 * A screen that cannot load (its code was never downloaded and the phone is
 * offline) or throws while rendering shows words and a way out instead of a
 * blank app; the tab bar and the other screens keep working.
 */
export class ScreenErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    // A lazily loaded screen remembers a failed download, so trying again means loading the app again.
    return this.state.failed ? this.props.fallback(() => window.location.reload()) : this.props.children;
  }
}
