"""boto3 against the emulator's CloudWatch, as an independent client: driven by emulator/test/cloudwatch-boto3.test.ts.

Usage: cloudwatch_boto3.py <endpoint> <stage id> <participant id> <emulator now, epoch ms> <protocol: json|query>
Prints one JSON object of findings; the vitest side asserts on them. botocore is forced to awsQuery by a copy of its
own CloudWatch model that lists only "query", on AWS_DATA_PATH (set by the caller).
"""
import datetime
import json
import sys

import boto3
import botocore.exceptions

endpoint, stage, participant, now_ms, protocol = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
client = boto3.client(
    "cloudwatch",
    region_name="us-east-1",
    endpoint_url=endpoint,
    aws_access_key_id="AKIAGREENROOM0000001",
    aws_secret_access_key="greenroomLocalEmulatorSecretKey000000001",
)
out = {"protocol": client.meta.service_model.resolved_protocol}
now = datetime.datetime.fromtimestamp(now_ms / 1000, tz=datetime.timezone.utc)
ns = "AWS/IVSRealTime"

listed = client.list_metrics(Namespace=ns, Dimensions=[{"Name": "Stage", "Value": stage}, {"Name": "Participant", "Value": participant}])
out["participantMetrics"] = sorted(
    m["MetricName"] + ":" + ",".join(d["Name"] + ("=" + d["Value"] if d["Name"] in ("SimulcastLayer", "MediaType") else "") for d in m["Dimensions"])
    for m in listed["Metrics"]
)
out["publishersListed"] = len(client.list_metrics(Namespace=ns, MetricName="Publishers")["Metrics"])

query = {"Id": "pubs", "MetricStat": {"Metric": {"Namespace": ns, "MetricName": "Publishers", "Dimensions": [{"Name": "Stage", "Value": stage}]}, "Period": 60, "Stat": "Maximum"}}
start = now - datetime.timedelta(minutes=6)
data = client.get_metric_data(MetricDataQueries=[query], StartTime=start, EndTime=now, ScanBy="TimestampAscending")
result = data["MetricDataResults"][0]
out["publishers"] = result["Values"]
out["timestamps"] = [t.timestamp() for t in result["Timestamps"]]
out["status"] = result["StatusCode"]
out["messages"] = data["Messages"]

# The paginator follows NextToken with MaxDatapoints as the page size.
pages = client.get_paginator("get_metric_data").paginate(
    MetricDataQueries=[query], StartTime=start, EndTime=now, ScanBy="TimestampAscending", PaginationConfig={"PageSize": 2}
)
paged, statuses = [], []
for page in pages:
    for r in page["MetricDataResults"]:
        paged.extend(r["Values"])
        statuses.append(r["StatusCode"])
out["paged"] = paged
out["pageStatuses"] = statuses


def error_of(call):
    try:
        call()
    except client.exceptions.InvalidParameterValueException as e:
        return {"class": "InvalidParameterValueException", **e.response["Error"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    except client.exceptions.InvalidNextToken as e:
        return {"class": "InvalidNextToken", **e.response["Error"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    except botocore.exceptions.ClientError as e:
        return {"class": "ClientError", **e.response["Error"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return None


bad_period = dict(query, MetricStat=dict(query["MetricStat"], Period=45))
out["badPeriod"] = error_of(lambda: client.get_metric_data(MetricDataQueries=[bad_period], StartTime=start, EndTime=now))
out["badToken"] = error_of(lambda: client.get_metric_data(MetricDataQueries=[query], StartTime=start, EndTime=now, NextToken="nope"))
out["badId"] = error_of(lambda: client.get_metric_data(MetricDataQueries=[dict(query, Id="Pubs")], StartTime=start, EndTime=now))
out["tooMany"] = error_of(lambda: client.get_metric_data(MetricDataQueries=[dict(query, Id="q%d" % i) for i in range(501)], StartTime=start, EndTime=now))
out["badListToken"] = error_of(lambda: client.list_metrics(Namespace=ns, NextToken="nope"))
print(json.dumps(out))
