"""Calls Start/StopParticipantReplication and one failing Stop through boto3 against the emulator, and prints the
response members boto3 parsed from headers, as JSON, for emulator/test/boto3.test.ts to check.

Usage: python3 boto3_headers.py <endpoint> <region> <sourceStageArn> <destinationStageArn> <participantId>
Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment."""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

MEMBERS = ['accessControlAllowOrigin', 'accessControlExposeHeaders', 'cacheControl', 'contentSecurityPolicy',
           'strictTransportSecurity', 'xContentTypeOptions', 'xFrameOptions']

endpoint, region, src, dst, participant = sys.argv[1:6]
client = boto3.client('ivs-realtime', region_name=region, endpoint_url=endpoint,
                      config=Config(retries={'max_attempts': 1, 'mode': 'standard'}))


def members(d):
    return {m: d.get(m) for m in MEMBERS}


start = client.start_participant_replication(sourceStageArn=src, destinationStageArn=dst, participantId=participant)
stop = client.stop_participant_replication(sourceStageArn=src, destinationStageArn=dst, participantId=participant)
try:
    client.stop_participant_replication(sourceStageArn=src, destinationStageArn=dst, participantId=participant)
    error = {'code': None}
except ClientError as e:
    # boto3 keeps an error's header members in the parsed response only as raw HTTP headers.
    headers = e.response['ResponseMetadata']['HTTPHeaders']
    error = {'code': e.response['Error']['Code'], 'status': e.response['ResponseMetadata']['HTTPStatusCode'],
             'headers': {k: headers.get(k.lower()) for k in ['Access-Control-Allow-Origin', 'Access-Control-Expose-Headers',
                                                            'Cache-Control', 'Content-Security-Policy',
                                                            'Strict-Transport-Security', 'X-Content-Type-Options',
                                                            'X-Frame-Options']}}
print(json.dumps({'start': members(start), 'stop': members(stop), 'error': error}))
