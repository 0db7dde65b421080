namespace DwsPowerShell.Client.Tests.Clusters;

/// <summary>
/// The reference examples of 5.2.32 and 5.2.48 that tests/Fixtures/examples.json lists as "unparsed", copied by
/// hand from seeds/004_29e34477752eb603.txt with only the structure repaired (as in Clusters/ReferenceFixes.cs).
/// </summary>
public static class ResizeReferenceFixes
{
    /// <summary>
    /// 5.2.32 response, source lines 4045-4086. Repaired: the opening "{"; the "}," closing schedule_conf,
    /// redis_conf and redis_process and the "redis_table_detail": { line before "data" (lost in conversion);
    /// the closing "}," of redis_info and the final "}". "byte left" is printed with a space: table 5-145
    /// names the field byte_left, which is used here.
    /// </summary>
    public const string RedistributionDetails = """
    {
      "error_code": "DWS.0000",
      "error_msg": null,
      "redis_info": {
        "id": null,
        "cluster_id": "73f10ab8-e345-4467-aa4b-b567808f25f0",
        "start_time": "",
        "end_time": "",
        "status": "",
        "redis_conf": {
          "redis_mode": "offline",
          "schedule_conf": {
            "scheduleStart": null,
            "scheduleEnd": null,
            "scheduleType": null,
            "scheduleDate": null,
            "scheduleTime": null
          },
          "parallel_jobs": null,
          "parallelJobs": null
        },
        "redis_process": {
          "bytes_done": 0,
          "byte_left": 0,
          "tables_done": 0,
          "tables_left": 0,
          "table_progress": 0,
          "total_progress": 0,
          "redis_rate": "0 KB/s",
          "estimated_time": null,
          "completed": false,
          "initialed": false,
          "fail_count": 0,
          "redistributing": false,
          "status": null,
          "pause_by_user": false,
          "total_redis_rate": null
        },
        "redis_table_detail": {
          "data": null,
          "total": null
        }
      },
      "schedule_mode": false,
      "recover_enable": false,
      "retry_enable": false,
      "update_enable": false,
      "control_enable": false
    }
    """;

    /// <summary>
    /// 5.2.48 response, source lines 5274-5314 (split by a page break). Repaired: the opening and closing
    /// braces; the trailing comma after "code" : "localDisk" (the value line was lost or never printed; the
    /// attribute is kept without a value); the "}, {" between the maxQueue and memSize attributes.
    /// </summary>
    public const string FlavorDetails = """
    {
      "flavor" : {
        "id": "d60ef487-7aa8-44b7-969a-d543ddc5b96f",
        "spec_name" : "dwsk2.xlarge",
        "current_node" : 3,
        "min_node": 3,
        "max_node" : 256,
        "classify" : "dws",
        "attribute" : [ {
          "code" : "cpuNum",
          "value" : "4"
        }, {
          "code" : "diskType",
          "value" : "SSD"
        }, {
          "code" : "ioGbSec",
          "value" : ""
        }, {
          "code" : "localDisk"
        }, {
          "code" : "maxQueue",
          "value" : ""
        }, {
          "code" : "memSize",
          "value": "32"
        } ],
        "volume_node": {
          "volume_type": "SATA",
          "volume_num": 2,
          "capacity": 100,
          "volume_size": 100
        },
        "datastore_version": "8.3.0.201"
      }
    }
    """;
}
