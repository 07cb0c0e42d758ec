// The route table: every page of the app is one entry here, and nothing else declares a route. An entry
// gives the path pattern (its parameters parse into the types of routing/params.ts; a bad one opens the
// bad-link page), the search parameters its links may carry, the page title, the views it loads on demand
// (each its own chunk, so the first visit loads only the shell) and how they compose. Views link to these
// addresses with routing/route.ts's `href`, type-checked against this table.
import { Suspense } from 'react';
import { Loading } from '../components/Loading';
import { route, searchOf, view } from '../routing/route';

export const routes = {
  home: route(
    {
      path: '/',
      title: () => 'Stages',
      // Its own small chunk: the landing choice reads the push state, which nothing else on the first load needs.
      views: { HomeRedirect: view(() => import('./HomeRedirect'), 'HomeRedirect') },
    },
    ({ regions }, { HomeRedirect }) => <HomeRedirect regions={regions} />,
  ),
  stages: route(
    {
      path: '/regions/:region/stages',
      // `regions: 'all'` lists every configured region's stages on one page.
      search: searchOf<{ q?: string; tag?: string; regions?: 'all' }>(),
      title: ({ region }) => `Stages · ${region}`,
      views: { StageListPage: view(() => import('../features/stages/StageListPage'), 'StageListPage') },
    },
    ({ params, search }, { StageListPage }) => <StageListPage region={params.region} search={search} />,
  ),
  // One stage, optionally with one of its sessions open below it.
  stage: route(
    {
      path: '/regions/:region/stages/:stageArn{/sessions/:sessionId}?',
      search: searchOf<{ filter?: string }>(),
      title: ({ stageArn }) => `Stage ${stageArn.split('/').pop() ?? ''}`,
      views: {
        StageDetailPage: view(() => import('../features/stages/StageDetailPage'), 'StageDetailPage'),
        SessionParticipants: view(() => import('../features/participants/table/SessionParticipants'), 'SessionParticipants'),
        StageReplications: view(() => import('../features/replication/StageReplications'), 'StageReplications'),
        // The stage's charts bring uPlot and the CloudWatch client: their own chunk, fetched when the page shows them.
        StageMetrics: view(() => import('../features/stages/metrics/StageMetrics'), 'StageMetrics'),
      },
    },
    ({ params: { region, stageArn, sessionId }, search }, { StageDetailPage, SessionParticipants, StageReplications, StageMetrics }) => (
      <StageDetailPage
        key={stageArn}
        region={region}
        stageArn={stageArn}
        sessionId={sessionId}
        renderSession={({ sessionId, live }) => (
          <>
            <SessionParticipants key={sessionId} region={region} stageArn={stageArn} sessionId={sessionId} live={live} search={search} />
            <StageReplications region={region} stageArn={stageArn} sessionId={sessionId} live={live} />
          </>
        )}
        renderMetrics={({ sessionId, span }) => (
          <Suspense fallback={<Loading label="Loading stage metrics" />}>
            <StageMetrics region={region} stageArn={stageArn} sessionId={sessionId} session={span} />
          </Suspense>
        )}
      />
    ),
  ),
  participant: route(
    {
      path: '/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId',
      title: ({ participantId }) => `Participant ${participantId}`,
      views: {
        ParticipantPage: view(() => import('../features/participants/detail/ParticipantPage'), 'ParticipantPage'),
        ReplicaList: view(() => import('../features/replication/ReplicaList'), 'ReplicaList'),
        // The charts bring uPlot and the CloudWatch client: their own chunk, fetched only when the page shows them.
        ParticipantMetrics: view(() => import('../features/participants/metrics/ParticipantMetrics'), 'ParticipantMetrics'),
      },
    },
    ({ params: { region, ...key }, location }, { ParticipantPage, ReplicaList, ParticipantMetrics }) => (
      <ParticipantPage
        key={location}
        region={region}
        participantKey={key}
        renderReplicas={(p) =>
          p.replicationType === 'REPLICA' ? null : <ReplicaList region={region} source={{ sourceStageArn: key.stageArn, participantId: key.participantId }} />
        }
        renderMetrics={() => (
          <Suspense fallback={<Loading label="Loading metrics" />}>
            <ParticipantMetrics region={region} participantKey={key} />
          </Suspense>
        )}
      />
    ),
  ),
  participantStory: route(
    {
      path: '/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId/story',
      search: searchOf<{ kind?: string }>(),
      title: ({ participantId }) => `Story of ${participantId}`,
      views: { ParticipantStory: view(() => import('../features/participants/story/ParticipantStory'), 'ParticipantStory') },
    },
    ({ params: { region, ...key }, location }, { ParticipantStory }) => <ParticipantStory key={location} region={region} participantKey={key} />,
  ),
  replicate: route(
    {
      path: '/regions/:region/replicate',
      search: searchOf<{ source?: string; participant?: string; destination?: string }>(),
      title: () => 'Replicate a participant',
      views: { ReplicationForm: view(() => import('../features/replication/ReplicationForm'), 'ReplicationForm') },
    },
    ({ params, search, location }, { ReplicationForm }) => <ReplicationForm key={location} region={params.region} search={search} />,
  ),
  findUser: route(
    {
      path: '/find-user',
      search: searchOf<{ q?: string; recent?: '1' }>(),
      title: () => 'Find a user',
      views: { FindUserPage: view(() => import('../features/participants/find/FindUserPage'), 'FindUserPage') },
    },
    ({ regions, search }, { FindUserPage }) => <FindUserPage regions={regions} search={search} />,
  ),
  // Every live stage of every region at once; the landing page when pushed events are configured.
  board: route(
    {
      path: '/board',
      search: searchOf<{ q?: string; page?: string }>(),
      title: () => 'Live board',
      views: { BoardPage: view(() => import('../features/board/BoardPage'), 'BoardPage') },
    },
    ({ regions, search }, { BoardPage }) => <BoardPage regions={regions} search={search} />,
  ),
  replicationMap: route(
    {
      path: '/regions/:region/replications',
      title: ({ region }) => `Replication map · ${region}`,
      views: { ReplicationMapPage: view(() => import('../features/replication/ReplicationMapPage'), 'ReplicationMapPage') },
    },
    ({ params }, { ReplicationMapPage }) => <ReplicationMapPage key={params.region} region={params.region} />,
  ),
};

export type RouteName = keyof typeof routes;

declare module '../routing/route' {
  interface Register {
    routes: typeof routes;
  }
}
