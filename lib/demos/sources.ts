// The posts, papers and reference code the demos follow. Every default and claim on a demo page
// cites one of these by id, so a reader can check it where it was published.

export interface Source {
  /** Short label shown in the bracket, e.g. "tiger.py". */
  label: string;
  url: string;
}

export const SOURCES = {
  'adam-paper': { label: 'Adam paper', url: 'https://arxiv.org/abs/1412.6980' },
  'adamw-paper': { label: 'AdamW paper', url: 'https://arxiv.org/abs/1711.05101' },
  'torch-adam': {
    label: 'torch Adam',
    url: 'https://pytorch.org/docs/stable/generated/torch.optim.Adam.html',
  },
  'torch-adamw': {
    label: 'torch AdamW',
    url: 'https://pytorch.org/docs/stable/generated/torch.optim.AdamW.html',
  },
  'torch-sgd': { label: 'torch SGD', url: 'https://pytorch.org/docs/stable/generated/torch.optim.SGD.html' },
  'signum-paper': { label: 'signSGD paper', url: 'https://arxiv.org/abs/1802.04434' },
  'lion-paper': { label: 'Lion paper', url: 'https://arxiv.org/abs/2302.06675' },
  'lion-code': { label: 'Lion code & README', url: 'https://github.com/google/automl/tree/master/lion' },
  'tiger-post': { label: 'Tiger post', url: 'https://kexue.fm/archives/9512' },
  'tiger-code': { label: 'tiger.py', url: 'https://github.com/bojone/tiger/blob/main/tiger.py' },
  'muon-code': { label: 'muon.py', url: 'https://github.com/KellerJordan/Muon/blob/master/muon.py' },
  'muon-blog': { label: 'Muon blog', url: 'https://kellerjordan.github.io/posts/muon/' },
  'muon-su': { label: 'Su: Muon', url: 'https://kexue.fm/archives/10592' },
  'moonlight-su': { label: 'Su: Muon sequel', url: 'https://kexue.fm/archives/10739' },
  'moonlight-paper': { label: 'Moonlight paper', url: 'https://arxiv.org/abs/2502.16982' },
  'batch-su': { label: 'Su: batch size vs lr', url: 'https://kexue.fm/archives/10542' },
  'eps-su': { label: 'Su: Adam ε', url: 'https://kexue.fm/archives/10563' },
  'openai-batch': { label: 'Large-batch training', url: 'https://arxiv.org/abs/1812.06162' },
  'surge-paper': { label: 'Surge paper', url: 'https://arxiv.org/abs/2405.14578' },
  roformer: { label: 'RoFormer', url: 'https://arxiv.org/abs/2104.09864' },
  'rope-su': { label: 'Su: RoPE', url: 'https://kexue.fm/archives/8265' },
  'beta-base-su': { label: 'Su: β-base', url: 'https://kexue.fm/archives/9675' },
  'ntk-bloc97': {
    label: 'bloc97: NTK-aware',
    url: 'https://www.reddit.com/r/LocalLLaMA/comments/14lz7j5/ntkaware_scaled_rope_allows_llama_models_to_have/',
  },
  'pi-paper': { label: 'PI paper', url: 'https://arxiv.org/abs/2306.15595' },
  'mixed-su': { label: 'Su: mixed base', url: 'https://kexue.fm/archives/9706' },
  'ntk-patch': { label: 'ntk_patch.py', url: 'https://github.com/bojone/rerope/blob/main/ntk_patch.py' },
  'rerope-su': { label: 'Su: ReRoPE', url: 'https://kexue.fm/archives/9708' },
  'rerope-code': {
    label: 'rerope_patch.py',
    url: 'https://github.com/bojone/rerope/blob/main/rerope_patch.py',
  },
  'base-bound-paper': { label: 'Men et al. 2024', url: 'https://arxiv.org/abs/2405.14591' },
  'base-bound-su': { label: 'Su: base bound', url: 'https://kexue.fm/archives/10122' },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
