import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsLayer } from '../aws/awsLayer';
import { renderWithProviders } from '../test/renderWithProviders';
import { CliCommand } from './CliCommand';

const credentials = () => async () => ({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' });
const call = { operation: 'GetStage', region: 'us-east-1', input: { arn: 'arn:aws:ivs:us-east-1:123456789012:stage/abcdEFGH1234' } };

describe('CliCommand', () => {
  afterEach(cleanup);

  it('names the region endpoint from config.json, so the command runs as copied against the emulator', () => {
    const aws = createAwsLayer({ regions: [{ id: 'us-east-1', identityPoolId: 'us-east-1:x', ivsEndpoint: 'http://127.0.0.1:4599' }] }, credentials);
    renderWithProviders(<CliCommand call={call} />, aws);
    expect(screen.getByLabelText('CLI command for GetStage').textContent).toBe(
      'aws ivs-realtime get-stage --region us-east-1 --endpoint-url http://127.0.0.1:4599 --arn arn:aws:ivs:us-east-1:123456789012:stage/abcdEFGH1234',
    );
    aws.dispose();
  });

  it('adds no endpoint flag for a region served by AWS itself', () => {
    const aws = createAwsLayer({ regions: [{ id: 'us-east-1', identityPoolId: 'us-east-1:x' }] }, credentials);
    renderWithProviders(<CliCommand call={call} />, aws);
    expect(screen.getByLabelText('CLI command for GetStage').textContent).toBe(
      'aws ivs-realtime get-stage --region us-east-1 --arn arn:aws:ivs:us-east-1:123456789012:stage/abcdEFGH1234',
    );
    aws.dispose();
  });
});
