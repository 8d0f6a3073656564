import { lazy, Suspense, useEffect, useState } from 'react';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { api, onSignedOut } from './api/client';
import { Layout } from './components/layout';
import { useI18n } from './i18n/i18n';
import { AlertPage } from './pages/alert-page';
import { AlertsPage } from './pages/alerts-page';
import { ChannelsPage } from './pages/channels-page';
import { EventPage } from './pages/event-page';
import { EventsPage } from './pages/events-page';
import { IntegrationPage } from './pages/integration-page';
import { IntegrationsPage } from './pages/integrations-page';
import { NewIntegrationPage } from './pages/new-integration-page';
import { NotFoundPage } from './pages/not-found-page';
import { OverviewPage } from './pages/overview-page';
import { PluginPage } from './pages/plugin-page';
import { PluginsPage } from './pages/plugins-page';
import { PushLogPage } from './pages/push-log-page';
import { RoutesPage } from './pages/routes-page';
import { SignInPage } from './pages/sign-in-page';

/**
 * Pages of the features most people open less often are loaded when first opened, so that the
 * console's first load stays small.
 */
const SilencesPage = lazy(() =>
  import('./pages/silences-page').then((module) => ({ default: module.SilencesPage })),
);
const SilencePage = lazy(() =>
  import('./pages/silence-page').then((module) => ({ default: module.SilencePage })),
);
const ChannelPage = lazy(() =>
  import('./pages/channel-page').then((module) => ({ default: module.ChannelPage })),
);
const SubscriptionPage = lazy(() =>
  import('./pages/subscription-page').then((module) => ({ default: module.SubscriptionPage })),
);

/** The console is served under this path; every route below is relative to it. */
const CONSOLE_BASE = '/console';

type SessionState = 'checking' | 'signed-in' | 'signed-out';

function LoadingText() {
  const { t } = useI18n();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

function SignedInRoutes({ onSignOut }: { onSignOut: () => void }) {
  return (
    <Layout onSignOut={onSignOut}>
      <Suspense fallback={<LoadingText />}>
        <Switch>
          <Route path="/">
            <Redirect to="/overview" replace />
          </Route>
          <Route path="/overview" component={OverviewPage} />
          <Route path="/alerts" component={AlertsPage} />
          <Route path="/alerts/:id" component={AlertPage} />
          <Route path="/events" component={EventsPage} />
          <Route path="/events/:id" component={EventPage} />
          <Route path="/integrations" component={IntegrationsPage} />
          <Route path="/integrations/new" component={NewIntegrationPage} />
          <Route path="/integrations/:id" component={IntegrationPage} />
          <Route path="/integrations/:id/pushes" component={PushLogPage} />
          <Route path="/integrations/:id/routes" component={RoutesPage} />
          <Route path="/channels" component={ChannelsPage} />
          <Route path="/plugins" component={PluginsPage} />
          <Route path="/plugins/:id" component={PluginPage} />
          <Route path="/channels/:id" component={ChannelPage} />
          <Route path="/channels/:channelId/subscriptions/:id" component={SubscriptionPage} />
          <Route path="/silences" component={SilencesPage} />
          <Route path="/silences/:id" component={SilencePage} />
          <Route component={NotFoundPage} />
        </Switch>
      </Suspense>
    </Layout>
  );
}

function Routes() {
  const { t } = useI18n();
  const [location, navigate] = useLocation();
  const [session, setSession] = useState<SessionState>('checking');
  useEffect(() => {
    onSignedOut(() => setSession('signed-out'));
    api.GET('/api/v1/session').then(
      ({ response }) => setSession(response.ok ? 'signed-in' : 'signed-out'),
      () => setSession('signed-out'),
    );
  }, []);

  if (session === 'checking') {
    return (
      <p role="status" className="muted centered">
        {t('common.loading')}
      </p>
    );
  }
  if (session === 'signed-out') {
    if (location !== '/sign-in') {
      const next = location === '/' ? '' : `?next=${encodeURIComponent(location)}`;
      return <Redirect to={`/sign-in${next}`} replace />;
    }
    return <SignInPage onSignedIn={() => setSession('signed-in')} />;
  }
  if (location === '/sign-in') {
    const next = new URLSearchParams(window.location.search).get('next');
    // Only a path of the console itself: `next` comes from the URL, which anyone can write.
    return <Redirect to={next?.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }
  return (
    <SignedInRoutes
      onSignOut={() => {
        void api.DELETE('/api/v1/session').finally(() => {
          setSession('signed-out');
          navigate('/sign-in', { replace: true });
        });
      }}
    />
  );
}

export function App() {
  return (
    <Router base={CONSOLE_BASE}>
      <Routes />
    </Router>
  );
}
