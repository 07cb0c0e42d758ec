import type { AppError } from '../aws/errors';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: AppError;
  }
}
