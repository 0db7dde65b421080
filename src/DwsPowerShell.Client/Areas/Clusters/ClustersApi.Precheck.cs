using System.Text.Json;
using System.Text.Json.Nodes;
using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Json;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>The check before cluster creation (5.2.29).</summary>
public sealed partial class ClustersApi
{
    /// <summary>The precheck's name in <see cref="DwsCheckResult.Check"/>.</summary>
    public const string CreationCheck = "cluster creation";

    /// <summary>
    /// 5.2.29 Performing a Check Before Cluster Creation. Takes the 5.2.3 request; sends it with db_port as a string
    /// and tags as tag_list (quirks.md 7.10). Answers only by status (quirks.md 1.6): passed on 200, failed with the
    /// reason on an expected 4xx. A request that fails the local checks of 5.2.3 fails the same way, without a call.
    /// </summary>
    public async Task<DwsCheckResult> PrecheckCreateAsync(CreateClusterRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        try
        {
            request.Validate();
        }
        catch (ArgumentException ex)
        {
            return new DwsCheckResult(CreationCheck, passed: false, ex.Message, "InvalidRequest", request.Name);
        }
        return await DwsChecks.RunAsync(_transport, DwsRequest.For(DwsOperations.S5_2_29).WithBody(PrecheckBody(request)), CreationCheck, request.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The 5.2.29 body: the 5.2.3 cluster object, with db_port as a string and tags renamed tag_list.</summary>
    internal static JsonObject PrecheckBody(CreateClusterRequest request)
    {
        var cluster = JsonSerializer.SerializeToNode(request, DwsJson.Options)!.AsObject();
        if (cluster["db_port"] is JsonNode port)
        {
            cluster["db_port"] = port.ToJsonString();
        }
        if (cluster["tags"] is JsonNode tags)
        {
            cluster.Remove("tags");
            cluster["tag_list"] = tags;
        }
        return new JsonObject { ["cluster"] = cluster };
    }
}
