namespace DwsPowerShell.Client.Tests.Connections;

/// <summary>
/// The reference examples of 5.9.9, 5.10.3 and 5.11.1 that tests/Fixtures/examples.json lists as "unparsed", copied by hand from
/// seeds/004_29e34477752eb603.txt with only the structure repaired (every field and value as printed).
/// </summary>
public static class ConnectionReferenceFixes
{
    /// <summary>
    /// 5.9.9 response, source lines 13408-13446. Repaired: the opening "{" (lost), the stray quote before "ip"
    /// on line 13409 (OCR: '"ip"), the "}," closing public_endpoints, private_endpoints and vpc_endpoint_service
    /// (lost at 13420, 13432 and across the page break), and the closing "}".
    /// </summary>
    public const string EndpointsResponse = """
    {
      "public_endpoints" : {
        "ip" : "192.168.15.18",
        "ip_id": "93cb2c86-a598-48ca-8c2c-0389f4b78511",
        "port" : 8000,
        "ip_bandwidth": 300,
        "domain_name" : "demo_domain_name",
        "domain_name_suffix" : "demo_domain_name_suffix",
        "zone_name" : "d12.huaweiclouds.com",
        "domain_name_ttl" : 0,
        "domain_name_status": "ACTIVE",
        "enabled" : true,
        "ip_status" : null
      },
      "private_endpoints" : {
        "ip": "192.168.15.19",
        "port": 8000,
        "domain_name": "demo_domain_name",
        "domain_name_suffix" : "demo_domain_name_suffix",
        "zone_name" : "d13.huaweiclouds.com",
        "domain_name_ttl" : 0,
        "domain_name_status" : null,
        "failed_reason" : null,
        "elb_ip" : null,
        "bind_manage_ip_status": 1
      },
      "vpc_endpoint_service" : {
        "id": "73cb2c86-a598-48ca-8c2c-0389f4b78518",
        "service_name": "test_service_name",
        "status": null
      },
      "public_ip_infos": [ {
        "instance_id": "83cb2c86-a598-48ca-8c2c-0389f4b78511",
        "instance_name": "test_name-dws-cn-cn-1-1",
        "id": "93cb2c86-a598-48ca-8c2c-0389f4b78512",
        "address": null,
        "status": null,
        "bandwidth_size": 2
      } ]
    }
    """;

    /// <summary>
    /// 5.11.1 response, source lines 13848-13874. Repaired: the opening "{" (lost), the OCR garbage ", t" before
    /// the third resource's "type" (line 13860, read as "{"), the "}, {" before disk_capacity (lost), and the closing "}}".
    /// </summary>
    public const string QuotasResponse = """
    {
      "quotas" : {
        "resources" : [ {
          "type" : "instances",
          "used" : "3",
          "quota": "100",
          "unit" : "null"
        }, {
          "type" : "core",
          "used" : "12",
          "quota" : "100",
          "unit" : "null"
        }, {
          "type" : "ram",
          "used" : "24",
          "quota" : "1000",
          "unit" : "GB"
        }, {
          "type" : "disk",
          "used" : "6",
          "quota" : "100",
          "unit" : "null"
        }, {
          "type": "disk_capacity",
          "used": "600",
          "quota": "1000",
          "unit": "GB"
        } ]
      }
    }
    """;

    /// <summary>
    /// 5.10.3 request (source lines 13725-13726) is truncated after "tags": [. Reconstructed from its caption
    /// "Add tags whose key is key and value is value in batches" and Table 5-569 (BatchCreateResourceTag {key, value});
    /// 5.10.4 prints only the caption "Delete tags whose key is key and value is value" and Table 5-572.
    /// </summary>
    public const string BatchTagsRequest = """{ "tags" : [ { "key" : "key", "value" : "value" } ] }""";
}
