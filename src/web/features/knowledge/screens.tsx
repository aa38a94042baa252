import { BookOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Screen } from '../../screens';

const KnowledgeListPage = lazy(() => import('./KnowledgeListPage'));
const ArticleViewPage = lazy(() => import('./ArticleViewPage'));
const ArticleEditorPage = lazy(() => import('./ArticleEditorPage'));

/** The knowledge base: the list in the menu, the article and editor pages reached from it. */
export const knowledgeScreens: Screen[] = [
  {
    path: '/knowledge',
    permission: 'knowledge.read',
    label: 'knowledge.nav',
    icon: <BookOutlined />,
    element: <KnowledgeListPage />,
  },
  {
    path: '/knowledge/new',
    permission: 'knowledge.write',
    label: 'knowledge.nav',
    icon: <BookOutlined />,
    element: <ArticleEditorPage />,
    hidden: true,
  },
  {
    path: '/knowledge/:id',
    permission: 'knowledge.read',
    label: 'knowledge.nav',
    icon: <BookOutlined />,
    element: <ArticleViewPage />,
    hidden: true,
  },
  {
    path: '/knowledge/:id/edit',
    permission: 'knowledge.write',
    label: 'knowledge.nav',
    icon: <BookOutlined />,
    element: <ArticleEditorPage key="edit" />,
    hidden: true,
  },
];
