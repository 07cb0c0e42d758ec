// What the console says after a change: a small store of notices, one per finished mutation, shown by one
// app-wide live region (components/NoticeRegion.tsx). The store lives in a context, never at module level, so
// every page load and every test has its own.
import { createContext, use, useSyncExternalStore } from 'react';

/** 'done': it happened; 'unsure': it may or may not have happened; 'failed': it did not happen. */
export type NoticeTone = 'done' | 'unsure' | 'failed';

export type NoticeInput = {
  text: string;
  tone?: NoticeTone;
  /** The view the change affected. */
  link?: { href: string; label: string };
};

export type Notice = Required<Pick<NoticeInput, 'text' | 'tone'>> & Pick<NoticeInput, 'link'> & { id: number };

export type NoticeStore = {
  notify(n: NoticeInput): void;
  dismiss(id: number): void;
  subscribe(listener: () => void): () => void;
  list(): readonly Notice[];
};

/** A burst of changes (a fan-out, say) leaves its last few notices on screen; older ones make room. */
const KEEP = 3;

export function createNoticeStore(): NoticeStore {
  let notices: readonly Notice[] = [];
  let next = 1;
  const listeners = new Set<() => void>();
  const emit = (): void => listeners.forEach((l) => l());
  return {
    notify(n) {
      notices = [...notices, { id: next++, text: n.text, tone: n.tone ?? 'done', link: n.link }].slice(-KEEP);
      emit();
    },
    dismiss(id) {
      const kept = notices.filter((x) => x.id !== id);
      if (kept.length === notices.length) return;
      notices = kept;
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    list: () => notices,
  };
}

export const NoticeContext = createContext<NoticeStore | null>(null);

export function useNoticeStore(): NoticeStore {
  const store = use(NoticeContext);
  if (!store) throw new Error('No NoticeContext: the app (or the test) must provide a notice store above this component.');
  return store;
}

/** The function a mutation calls when it has settled. */
export function useNotify(): NoticeStore['notify'] {
  return useNoticeStore().notify;
}

export function useNotices(): readonly Notice[] {
  const store = useNoticeStore();
  return useSyncExternalStore(store.subscribe, store.list, store.list);
}
