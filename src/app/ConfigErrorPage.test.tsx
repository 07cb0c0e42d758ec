import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import { ConfigErrorPage } from './ConfigErrorPage';

describe('ConfigErrorPage', () => {
  it('names each bad field of config.json', () => {
    const r = parseConfig({ regions: [{ id: 'us-east-1', identityPoolId: 'x' }], pollIntervalsMs: {} });
    if (r.ok) throw new Error('expected issues');
    render(<ConfigErrorPage issues={r.issues} />);
    expect(screen.getByText('regions[0].identityPoolId')).toBeTruthy();
    expect(screen.getByText('pollIntervalsMs.stages')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(6);
  });
});
