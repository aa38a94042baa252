export { knowledgeRoutes } from './routes.js';
