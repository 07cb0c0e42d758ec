// Generated from shared/cloudwatch/service-2.json (apiVersion 2010-08-01) by scripts/gen-model.ts; do not edit.
// Run `npm run gen:model` after a model change and commit the diff.
import type { ServiceModel } from '../types.ts';

export const cloudwatchModel: ServiceModel = {
  "source": "shared/cloudwatch/service-2.json",
  "apiVersion": "2010-08-01",
  "metadata": {
    "protocol": "smithy-rpc-v2-cbor",
    "endpointPrefix": "monitoring",
    "targetPrefix": "GraniteServiceVersion20100801",
    "jsonVersion": "1.0",
    "protocols": [
      "smithy-rpc-v2-cbor",
      "json",
      "query"
    ],
    "awsQueryCompatible": true,
    "xmlNamespace": "http://monitoring.amazonaws.com/doc/2010-08-01/"
  },
  "operations": {
    "GetMetricData": {
      "name": "GetMetricData",
      "http": {
        "method": "POST",
        "requestUri": "/",
        "responseCode": 200
      },
      "errors": [
        "InvalidNextToken"
      ],
      "input": "GetMetricDataInput",
      "output": "GetMetricDataOutput",
      "resultWrapper": "GetMetricDataResult",
      "paginated": {
        "inputToken": "NextToken",
        "outputToken": "NextToken",
        "pageSize": "MaxDatapoints",
        "items": "MetricDataResults"
      }
    },
    "ListMetrics": {
      "name": "ListMetrics",
      "http": {
        "method": "POST",
        "requestUri": "/",
        "responseCode": 200
      },
      "errors": [
        "InternalServiceFault",
        "InvalidParameterValueException"
      ],
      "input": "ListMetricsInput",
      "output": "ListMetricsOutput",
      "resultWrapper": "ListMetricsResult",
      "paginated": {
        "inputToken": "NextToken",
        "outputToken": "NextToken",
        "items": "Metrics"
      }
    }
  },
  "shapes": {
    "AccountId": {
      "type": "string",
      "min": 1,
      "max": 255
    },
    "AwsQueryErrorMessage": {
      "type": "string"
    },
    "DatapointValue": {
      "type": "double"
    },
    "DatapointValues": {
      "type": "list",
      "member": {
        "shape": "DatapointValue"
      }
    },
    "Dimension": {
      "type": "structure",
      "members": {
        "Name": {
          "shape": "DimensionName"
        },
        "Value": {
          "shape": "DimensionValue"
        }
      },
      "required": [
        "Name",
        "Value"
      ]
    },
    "DimensionFilter": {
      "type": "structure",
      "members": {
        "Name": {
          "shape": "DimensionName"
        },
        "Value": {
          "shape": "DimensionValue"
        }
      },
      "required": [
        "Name"
      ]
    },
    "DimensionFilters": {
      "type": "list",
      "member": {
        "shape": "DimensionFilter"
      },
      "max": 10
    },
    "DimensionName": {
      "type": "string",
      "min": 1,
      "max": 255
    },
    "Dimensions": {
      "type": "list",
      "member": {
        "shape": "Dimension"
      },
      "max": 30
    },
    "DimensionValue": {
      "type": "string",
      "min": 1,
      "max": 1024
    },
    "ErrorMessage": {
      "type": "string",
      "min": 1,
      "max": 255
    },
    "FaultDescription": {
      "type": "string"
    },
    "GetMetricDataInput": {
      "type": "structure",
      "members": {
        "MetricDataQueries": {
          "shape": "MetricDataQueries"
        },
        "StartTime": {
          "shape": "Timestamp"
        },
        "EndTime": {
          "shape": "Timestamp"
        },
        "NextToken": {
          "shape": "NextToken"
        },
        "ScanBy": {
          "shape": "ScanBy"
        },
        "MaxDatapoints": {
          "shape": "GetMetricDataMaxDatapoints"
        },
        "LabelOptions": {
          "shape": "LabelOptions"
        }
      },
      "required": [
        "MetricDataQueries",
        "StartTime",
        "EndTime"
      ]
    },
    "GetMetricDataLabelTimezone": {
      "type": "string"
    },
    "GetMetricDataMaxDatapoints": {
      "type": "integer"
    },
    "GetMetricDataOutput": {
      "type": "structure",
      "members": {
        "MetricDataResults": {
          "shape": "MetricDataResults"
        },
        "NextToken": {
          "shape": "NextToken"
        },
        "Messages": {
          "shape": "MetricDataResultMessages"
        }
      }
    },
    "IncludeLinkedAccounts": {
      "type": "boolean"
    },
    "InternalServiceFault": {
      "type": "structure",
      "members": {
        "Message": {
          "shape": "FaultDescription"
        }
      },
      "error": {
        "httpStatusCode": 500,
        "senderFault": false,
        "code": "InternalServiceError"
      }
    },
    "InvalidNextToken": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "ErrorMessage"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": true,
        "code": "InvalidNextToken"
      }
    },
    "InvalidParameterCombinationException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "AwsQueryErrorMessage"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": true,
        "code": "InvalidParameterCombination"
      }
    },
    "InvalidParameterValueException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "AwsQueryErrorMessage"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": true,
        "code": "InvalidParameterValue"
      }
    },
    "LabelOptions": {
      "type": "structure",
      "members": {
        "Timezone": {
          "shape": "GetMetricDataLabelTimezone"
        }
      }
    },
    "LimitExceededFault": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "ErrorMessage"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": true,
        "code": "LimitExceeded"
      }
    },
    "ListMetricsInput": {
      "type": "structure",
      "members": {
        "Namespace": {
          "shape": "Namespace"
        },
        "MetricName": {
          "shape": "MetricName"
        },
        "Dimensions": {
          "shape": "DimensionFilters"
        },
        "NextToken": {
          "shape": "NextToken"
        },
        "RecentlyActive": {
          "shape": "RecentlyActive"
        },
        "IncludeLinkedAccounts": {
          "shape": "IncludeLinkedAccounts"
        },
        "OwningAccount": {
          "shape": "AccountId"
        }
      }
    },
    "ListMetricsOutput": {
      "type": "structure",
      "members": {
        "Metrics": {
          "shape": "Metrics"
        },
        "NextToken": {
          "shape": "NextToken"
        },
        "OwningAccounts": {
          "shape": "OwningAccounts"
        }
      }
    },
    "MessageData": {
      "type": "structure",
      "members": {
        "Code": {
          "shape": "MessageDataCode"
        },
        "Value": {
          "shape": "MessageDataValue"
        }
      }
    },
    "MessageDataCode": {
      "type": "string"
    },
    "MessageDataValue": {
      "type": "string"
    },
    "Metric": {
      "type": "structure",
      "members": {
        "Namespace": {
          "shape": "Namespace"
        },
        "MetricName": {
          "shape": "MetricName"
        },
        "Dimensions": {
          "shape": "Dimensions"
        }
      }
    },
    "MetricDataQueries": {
      "type": "list",
      "member": {
        "shape": "MetricDataQuery"
      }
    },
    "MetricDataQuery": {
      "type": "structure",
      "members": {
        "Id": {
          "shape": "MetricId"
        },
        "MetricStat": {
          "shape": "MetricStat"
        },
        "Expression": {
          "shape": "MetricExpression"
        },
        "Label": {
          "shape": "MetricLabel"
        },
        "ReturnData": {
          "shape": "ReturnData"
        },
        "Period": {
          "shape": "Period"
        },
        "AccountId": {
          "shape": "AccountId"
        }
      },
      "required": [
        "Id"
      ]
    },
    "MetricDataResult": {
      "type": "structure",
      "members": {
        "Id": {
          "shape": "MetricId"
        },
        "Label": {
          "shape": "MetricLabel"
        },
        "Timestamps": {
          "shape": "Timestamps"
        },
        "Values": {
          "shape": "DatapointValues"
        },
        "StatusCode": {
          "shape": "StatusCode"
        },
        "Messages": {
          "shape": "MetricDataResultMessages"
        }
      }
    },
    "MetricDataResultMessages": {
      "type": "list",
      "member": {
        "shape": "MessageData"
      }
    },
    "MetricDataResults": {
      "type": "list",
      "member": {
        "shape": "MetricDataResult"
      }
    },
    "MetricExpression": {
      "type": "string",
      "min": 1,
      "max": 2048
    },
    "MetricId": {
      "type": "string",
      "min": 1,
      "max": 255
    },
    "MetricLabel": {
      "type": "string"
    },
    "MetricName": {
      "type": "string",
      "min": 1,
      "max": 255
    },
    "Metrics": {
      "type": "list",
      "member": {
        "shape": "Metric"
      }
    },
    "MetricStat": {
      "type": "structure",
      "members": {
        "Metric": {
          "shape": "Metric"
        },
        "Period": {
          "shape": "Period"
        },
        "Stat": {
          "shape": "Stat"
        },
        "Unit": {
          "shape": "StandardUnit"
        }
      },
      "required": [
        "Metric",
        "Period",
        "Stat"
      ]
    },
    "MissingRequiredParameterException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "AwsQueryErrorMessage"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": true,
        "code": "MissingParameter"
      }
    },
    "Namespace": {
      "type": "string",
      "min": 1,
      "max": 255,
      "pattern": "[^:].*"
    },
    "NextToken": {
      "type": "string"
    },
    "OwningAccounts": {
      "type": "list",
      "member": {
        "shape": "AccountId"
      }
    },
    "Period": {
      "type": "integer",
      "min": 1
    },
    "RecentlyActive": {
      "type": "string",
      "enum": [
        "PT3H"
      ]
    },
    "ResourceNotFound": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "ErrorMessage"
        }
      },
      "error": {
        "httpStatusCode": 404,
        "senderFault": true,
        "code": "ResourceNotFound"
      }
    },
    "ReturnData": {
      "type": "boolean"
    },
    "ScanBy": {
      "type": "string",
      "enum": [
        "TimestampDescending",
        "TimestampAscending"
      ]
    },
    "StandardUnit": {
      "type": "string",
      "enum": [
        "Seconds",
        "Microseconds",
        "Milliseconds",
        "Bytes",
        "Kilobytes",
        "Megabytes",
        "Gigabytes",
        "Terabytes",
        "Bits",
        "Kilobits",
        "Megabits",
        "Gigabits",
        "Terabits",
        "Percent",
        "Count",
        "Bytes/Second",
        "Kilobytes/Second",
        "Megabytes/Second",
        "Gigabytes/Second",
        "Terabytes/Second",
        "Bits/Second",
        "Kilobits/Second",
        "Megabits/Second",
        "Gigabits/Second",
        "Terabits/Second",
        "Count/Second",
        "None"
      ]
    },
    "Stat": {
      "type": "string"
    },
    "StatusCode": {
      "type": "string",
      "enum": [
        "Complete",
        "InternalError",
        "PartialData",
        "Forbidden"
      ]
    },
    "Timestamp": {
      "type": "timestamp"
    },
    "Timestamps": {
      "type": "list",
      "member": {
        "shape": "Timestamp"
      }
    }
  }
};
