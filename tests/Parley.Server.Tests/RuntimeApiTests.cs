using System.Net;
using System.Text.Json;

namespace Parley.Server.Tests;

/// <summary>GET /api/v1/admin/runtime: the process's GC, memory and CPU figures, for admins only.</summary>
public sealed class RuntimeApiTests(ParleyFactory factory) : IClassFixture<ParleyFactory>
{
    [Fact]
    public async Task AnAdminSeesThisProcessesGcAndCpuFiguresAndAMemberIsRefused()
    {
        var admin = await factory.SignUpAsync("rt_admin", admin: true);
        var member = await factory.SignUpAsync("rt_member");

        await Expect.ProblemAsync(await member.Http.GetAsync("/api/v1/admin/runtime"), HttpStatusCode.Forbidden);

        GC.Collect(0); // at least one collection to see
        var response = await admin.Http.GetAsync("/api/v1/admin/runtime");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal(Environment.ProcessId, root.GetProperty("processId").GetInt32()); // the in-process test server
        Assert.True(root.GetProperty("gen0Collections").GetInt32() >= 1);
        Assert.True(root.GetProperty("cpuSeconds").GetDouble() > 0);
        Assert.True(root.GetProperty("allocatedBytes").GetInt64() > 0);
        Assert.True(root.GetProperty("workingSetBytes").GetInt64() > 0);
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("processorCount").GetInt32());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("mediaDrops").ValueKind); // by reason, only those that happened
        Assert.Equal(JsonValueKind.Object, root.GetProperty("mediaCloses").ValueKind);
    }
}
